package org.borderid.gallery.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.TemplateFormatException;
import org.borderid.gallery.GalleryCorruptedException;
import org.borderid.gallery.InvalidRecordException;
import org.borderid.gallery.SubjectRecord;

/**
 * The stored form of a {@link SubjectRecord}, version {@value #VERSION}, used by the journal and the index. Big-endian:
 *
 * <pre>
 * size    field
 *    4    magic "BIDS" (0x42 0x49 0x44 0x53)
 *    2    record format version; every version keeps magic and version first and the CRC footer last
 *  2+n    id (UTF-8, u16 length)
 *  2+n    agency
 *    1    list count L, then L × (2+n) list names
 *    1    attribute count A, then A × (key 2+n, value 2+n)
 *    2    face dimension d (0: no face), then d × float32
 *    1    finger count F, then F × (position code u8, template length u16, template bytes in the fingerprint
 *         template format, which carries its own magic, version and CRC)
 *    4    CRC-32C of everything before
 * </pre>
 *
 * Every failure to decode is a {@link GalleryCorruptedException}: stored bytes are only ever written by
 * {@link #encode}, so anything else is damage.
 */
public final class RecordCodec {
    /** The record format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final int MAGIC = 0x42494453; // "BIDS"
    private static final int FOOTER = 4;

    private RecordCodec() {}

    /** The record's stored bytes. */
    public static byte[] encode(SubjectRecord record) {
        List<byte[]> templates = new ArrayList<>();
        int size = 4 + 2 + FOOTER;
        size += utf8Size(record.id()) + utf8Size(record.agency()) + 1 + 1 + 2 + 1;
        for (String list : record.lists()) {
            size += utf8Size(list);
        }
        for (Map.Entry<String, String> e : record.attributes().entrySet()) {
            size += utf8Size(e.getKey()) + utf8Size(e.getValue());
        }
        size += 4 * record.faceDimension();
        for (FingerprintTemplate t : record.fingers().values()) {
            byte[] bytes = t.toByteArray();
            templates.add(bytes);
            size += 1 + 2 + bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(MAGIC);
        out.putShort((short) VERSION);
        putUtf8(out, record.id());
        putUtf8(out, record.agency());
        out.put((byte) record.lists().size());
        for (String list : record.lists()) {
            putUtf8(out, list);
        }
        out.put((byte) record.attributes().size());
        for (Map.Entry<String, String> e : record.attributes().entrySet()) {
            putUtf8(out, e.getKey());
            putUtf8(out, e.getValue());
        }
        float[] face = record.face();
        out.putShort((short) (face == null ? 0 : face.length));
        if (face != null) {
            for (float v : face) {
                out.putFloat(v);
            }
        }
        out.put((byte) templates.size());
        int i = 0;
        for (FingerPosition position : record.fingers().keySet()) {
            byte[] bytes = templates.get(i++);
            out.put((byte) position.code());
            out.putShort((short) bytes.length);
            out.put(bytes);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /**
     * Decodes stored bytes.
     *
     * @param where names the bytes' origin for the error message (a subject id, a journal file)
     * @throws GalleryCorruptedException when the bytes are not an intact record of a known version
     */
    public static SubjectRecord decode(byte[] bytes, String where) {
        if (bytes.length < 4 + 2 + FOOTER) {
            throw corrupt(where, "too short (" + bytes.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != MAGIC) {
            throw corrupt(where, "not a subject record");
        }
        int version = Short.toUnsignedInt(in.getShort());
        if (version == 0 || version > VERSION) {
            throw corrupt(where, "record format version " + version + " (this software reads 1.." + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - FOOTER);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - FOOTER, FOOTER).getInt()) {
            throw corrupt(where, "checksum mismatch");
        }
        try {
            String id = getUtf8(in);
            String agency = getUtf8(in);
            int listCount = Byte.toUnsignedInt(in.get());
            List<String> lists = new ArrayList<>(listCount);
            for (int i = 0; i < listCount; i++) {
                lists.add(getUtf8(in));
            }
            int attributeCount = Byte.toUnsignedInt(in.get());
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < attributeCount; i++) {
                attributes.put(getUtf8(in), getUtf8(in));
            }
            int dimension = Short.toUnsignedInt(in.getShort());
            float[] face = null;
            if (dimension > 0) {
                face = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    face[i] = in.getFloat();
                }
            }
            int fingerCount = Byte.toUnsignedInt(in.get());
            Map<FingerPosition, FingerprintTemplate> fingers = new EnumMap<>(FingerPosition.class);
            for (int i = 0; i < fingerCount; i++) {
                int code = Byte.toUnsignedInt(in.get());
                byte[] template = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(template);
                if (code > 10 || fingers.put(FingerPosition.ofCode(code), FingerprintTemplate.fromByteArray(template))
                        != null) {
                    throw corrupt(where, "bad or repeated finger position " + code);
                }
            }
            if (in.remaining() != FOOTER) {
                throw corrupt(where, "length disagrees with content");
            }
            return new SubjectRecord(id, agency, new java.util.TreeSet<>(lists), attributes, face, fingers);
        } catch (BufferUnderflowException | IllegalArgumentException | TemplateFormatException
                 | InvalidRecordException e) {
            throw corrupt(where, "impossible content (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static GalleryCorruptedException corrupt(String where, String problem) {
        return new GalleryCorruptedException("stored record of " + where + " is damaged: " + problem);
    }

    private static int utf8Size(String s) {
        return 2 + s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void putUtf8(ByteBuffer out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    private static String getUtf8(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
