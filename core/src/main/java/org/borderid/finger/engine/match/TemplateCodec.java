package org.borderid.finger.engine.match;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.borderid.finger.TemplateFormatException;
import org.borderid.finger.TemplateFormatException.Reason;

/**
 * BorderID's binary fingerprint template format, version {@value #VERSION}. Big-endian:
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "BIDF" (0x42 0x49 0x44 0x46)
 *      4     2  format version (1); every version keeps magic and version here and ends with the CRC footer
 *      6     2  width of the 500 dpi grid, pixels, 1..16384
 *      8     2  height, pixels, 1..16384
 *     10     1  quality, 0..100
 *     11     1  minutia count n, 0..255
 *     12    7n  minutiae: x u16 (0..16383), y u16 (0..16383), direction u8 (ISO unit, 2π/256),
 *               type u8 (0 ending, 1 bifurcation, 2 other), quality u8 (0..100)
 * 12 + 7n    4  CRC-32C (Castagnoli) of bytes [0, 12 + 7n)
 * </pre>
 *
 * Decoding is bounded (the count is one byte, the length must match it exactly) and every failure is a
 * {@link TemplateFormatException} with a {@link Reason}.
 */
public final class TemplateCodec {
    /** "BIDF": BorderID fingerprint. */
    static final int MAGIC = 0x42494446;
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final int HEADER = 12;
    private static final int MINUTIA = 7;
    private static final int FOOTER = 4;
    private static final MinutiaType[] TYPES = {MinutiaType.ENDING, MinutiaType.BIFURCATION, MinutiaType.OTHER};

    private TemplateCodec() {}

    /** Serialized length of a template with n minutiae. */
    static int length(int n) {
        return HEADER + MINUTIA * n + FOOTER;
    }

    public static byte[] encode(FingerprintTemplate template) {
        List<Minutia> minutiae = template.minutiae();
        ByteBuffer out = ByteBuffer.allocate(length(minutiae.size()));
        out.putInt(MAGIC);
        out.putShort((short) VERSION);
        out.putShort((short) template.width());
        out.putShort((short) template.height());
        out.put((byte) template.quality());
        out.put((byte) minutiae.size());
        for (Minutia m : minutiae) {
            out.putShort((short) m.x());
            out.putShort((short) m.y());
            out.put((byte) m.angleSteps());
            out.put((byte) typeCode(m.type()));
            out.put((byte) m.quality());
        }
        out.putInt(crc(out.array(), out.position()));
        return out.array();
    }

    public static FingerprintTemplate decode(byte[] bytes) {
        checkMagic(bytes);
        if (bytes.length < 6) {
            throw new TemplateFormatException(Reason.TRUNCATED, "template truncated in its header: " + bytes.length + " bytes");
        }
        int version = u16(bytes, 4);
        if (version > VERSION) {
            throw new TemplateFormatException(Reason.UNSUPPORTED_VERSION, "template format version " + version
                    + " is newer than this reader (" + VERSION + "); upgrade BorderID to read it");
        }
        if (version == 0) {
            throw new TemplateFormatException(Reason.CORRUPT, "template format version 0 does not exist");
        }
        if (bytes.length < HEADER + FOOTER) {
            throw new TemplateFormatException(Reason.TRUNCATED, "template truncated: " + bytes.length + " bytes");
        }
        int count = bytes[11] & 0xFF;
        int expected = length(count);
        int stored = ByteBuffer.wrap(bytes, bytes.length - FOOTER, FOOTER).getInt();
        if (crc(bytes, bytes.length - FOOTER) != stored) {
            if (bytes.length < expected) {
                throw new TemplateFormatException(Reason.TRUNCATED, "template truncated: " + bytes.length
                        + " of " + expected + " bytes");
            }
            throw new TemplateFormatException(Reason.CHECKSUM_MISMATCH, "template checksum mismatch: the bytes were altered");
        }
        if (bytes.length != expected) {
            throw new TemplateFormatException(Reason.CORRUPT, "template length " + bytes.length
                    + " does not match its minutia count (" + expected + " bytes expected)");
        }
        return content(bytes, count);
    }

    private static void checkMagic(byte[] bytes) {
        for (int i = 0; i < 4; i++) {
            if (i >= bytes.length) {
                throw new TemplateFormatException(bytes.length == 0 ? Reason.NOT_A_TEMPLATE : Reason.TRUNCATED,
                        bytes.length == 0 ? "no template bytes" : "template truncated in its magic number");
            }
            if ((bytes[i] & 0xFF) != ((MAGIC >>> (24 - 8 * i)) & 0xFF)) {
                throw new TemplateFormatException(Reason.NOT_A_TEMPLATE, "not a BorderID fingerprint template (magic)");
            }
        }
    }

    /** The fields of a checksummed template of the current layout; out-of-range values are corruption. */
    private static FingerprintTemplate content(byte[] bytes, int count) {
        int width = u16(bytes, 6);
        int height = u16(bytes, 8);
        int quality = bytes[10] & 0xFF;
        check(width >= 1 && width <= Minutia.MAX_COORDINATE + 1 && height >= 1 && height <= Minutia.MAX_COORDINATE + 1,
                "grid size out of range");
        check(quality <= 100, "quality out of range");
        List<Minutia> minutiae = new ArrayList<>(count);
        for (int i = 0, at = HEADER; i < count; i++, at += MINUTIA) {
            int x = u16(bytes, at);
            int y = u16(bytes, at + 2);
            int angle = bytes[at + 4] & 0xFF;
            int type = bytes[at + 5] & 0xFF;
            int minutiaQuality = bytes[at + 6] & 0xFF;
            check(x <= Minutia.MAX_COORDINATE && y <= Minutia.MAX_COORDINATE, "minutia position out of range");
            check(type < TYPES.length, "unknown minutia type");
            check(minutiaQuality <= 100, "minutia quality out of range");
            minutiae.add(Minutia.ofAngleSteps(x, y, angle, TYPES[type], minutiaQuality));
        }
        return FingerprintTemplate.of(width, height, minutiae, quality);
    }

    private static int typeCode(MinutiaType type) {
        return switch (type) {
            case ENDING -> 0;
            case BIFURCATION -> 1;
            case OTHER -> 2;
        };
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new TemplateFormatException(Reason.CORRUPT, "template content corrupt: " + what);
        }
    }

    private static int u16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
