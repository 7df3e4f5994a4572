package org.borderid.finger.standard.engine;

import static org.borderid.finger.standard.StandardRecordFormatException.Reason.CORRUPT;
import static org.borderid.finger.standard.StandardRecordFormatException.Reason.NOT_A_RECORD;
import static org.borderid.finger.standard.StandardRecordFormatException.Reason.TRUNCATED;
import static org.borderid.finger.standard.StandardRecordFormatException.Reason.UNSUPPORTED_VERSION;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.borderid.finger.MinutiaType;
import org.borderid.finger.standard.CaptureDevice;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.finger.standard.FingerView;
import org.borderid.finger.standard.RecordFormat;
import org.borderid.finger.standard.StandardMinutia;
import org.borderid.finger.standard.StandardRecordFormatException;

/**
 * Engine-internal: reads and writes ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004 finger minutiae records (layouts
 * in {@code docs/templates.md}). Every read is bounds-checked against both the data and the record's declared
 * length, so damaged input ends in {@link StandardRecordFormatException}, never in an unchecked exception, and
 * nothing is allocated beyond what the data can hold.
 */
public final class RecordCodec {
    /** "FMR\0" then " 20\0", the format identifier and version of both standards' 2004/2005 editions. */
    private static final byte[] MAGIC = {'F', 'M', 'R', 0, ' ', '2', '0', 0};
    /** Header bytes before the first view: ISO 24; ANSI 26, or 30 with the 6-byte length. */
    private static final int ISO_HEADER = 24;
    private static final int ANSI_HEADER = 26;
    private static final int ANSI_LONG_HEADER = 30;
    /** View header (4) plus the extended data length (2): the least a view takes. */
    private static final int MIN_VIEW_BYTES = 6;
    private static final int MINUTIA_BYTES = 6;
    /** Angle units per turn: ISO 256 (1.40625°), ANSI 180 (2°). */
    private static final int ISO_ANGLE_STEPS = 256;
    private static final int ANSI_ANGLE_STEPS = 180;

    private RecordCodec() {}

    public static RecordFormat detect(byte[] data) {
        checkMagic(data);
        if (data.length < 12) {
            throw new StandardRecordFormatException(TRUNCATED, "finger minutiae record ends inside its header");
        }
        int first = u16(data, 8);
        if (first >= ANSI_HEADER) {
            return RecordFormat.ANSI_378_2004; // 2-byte ANSI length; too large for the high half of an ISO length
        }
        if (first > 0) {
            return RecordFormat.ISO_19794_2_2005; // an ISO length of 64 KiB or more
        }
        // 0: an ISO length below 64 KiB (low half ≥ 24) or ANSI's long form (high half of a length ≥ 64 KiB).
        return u16(data, 10) >= ISO_HEADER ? RecordFormat.ISO_19794_2_2005 : RecordFormat.ANSI_378_2004;
    }

    public static FingerMinutiaeRecord read(byte[] data, RecordFormat format) {
        checkMagic(data);
        Reader in = new Reader(data);
        in.skip(MAGIC.length);
        long length;
        int header;
        int productOwner = 0;
        int productType = 0;
        if (format == RecordFormat.ISO_19794_2_2005) {
            length = in.u32();
            header = ISO_HEADER;
        } else {
            length = in.u16();
            header = ANSI_HEADER;
            if (length == 0) {
                length = in.u32();
                header = ANSI_LONG_HEADER;
            }
        }
        if (length < header) {
            throw corrupt("record length field says " + length + " bytes, less than the " + header + "-byte header");
        }
        if (length > data.length) {
            throw new StandardRecordFormatException(TRUNCATED, "record length field says " + length
                    + " bytes but only " + data.length + " are present");
        }
        in.limit((int) length);
        if (format == RecordFormat.ANSI_378_2004) {
            productOwner = in.u16();
            productType = in.u16();
        }
        int equipment = in.u16();
        CaptureDevice device = new CaptureDevice(equipment >>> 12, equipment & 0xFFF);
        int width = in.u16();
        int height = in.u16();
        int resolutionX = in.u16();
        int resolutionY = in.u16();
        int viewCount = in.u8();
        in.skip(1); // reserved
        if (width == 0 || height == 0) {
            throw corrupt("record declares an image of " + width + "x" + height + " pixels");
        }
        if (resolutionX == 0 || resolutionY == 0) {
            throw corrupt("record declares a resolution of 0 pixels per centimetre");
        }
        if ((long) viewCount * MIN_VIEW_BYTES > in.remaining()) {
            throw corrupt("record declares " + viewCount + " finger views, more than its length can hold");
        }
        List<FingerView> views = new ArrayList<>(viewCount);
        for (int v = 0; v < viewCount; v++) {
            views.add(readView(in, format, v));
        }
        if (in.remaining() != 0) {
            throw corrupt("record length field says " + length + " bytes but the contents end at byte "
                    + in.position());
        }
        return new FingerMinutiaeRecord(productOwner, productType, device, width, height, resolutionX, resolutionY,
                views);
    }

    private static FingerView readView(Reader in, RecordFormat format, int index) {
        int positionCode = in.u8();
        int viewAndImpression = in.u8();
        int quality = in.u8();
        int count = in.u8();
        if (positionCode > FingerView.MAX_POSITION_CODE) {
            throw corrupt("view " + index + " has finger position code " + positionCode + " (0.."
                    + FingerView.MAX_POSITION_CODE + " accepted)");
        }
        if (quality > 100) {
            throw corrupt("view " + index + " has finger quality " + quality + " (0..100)");
        }
        if ((long) count * MINUTIA_BYTES + 2 > in.remaining()) {
            throw corrupt("view " + index + " declares " + count + " minutiae, more than the record's length holds");
        }
        List<StandardMinutia> minutiae = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            minutiae.add(readMinutia(in, format, index, m));
        }
        int extendedLength = in.u16();
        if (extendedLength > in.remaining()) {
            throw corrupt("view " + index + " declares " + extendedLength
                    + " bytes of extended data, more than the record's length holds");
        }
        byte[] extended = in.bytes(extendedLength);
        return new FingerView(positionCode, viewAndImpression >>> 4, viewAndImpression & 0xF, quality, minutiae,
                extended);
    }

    private static StandardMinutia readMinutia(Reader in, RecordFormat format, int view, int index) {
        int typeAndX = in.u16();
        int y = in.u16() & StandardMinutia.MAX_COORDINATE; // the top 2 bits are reserved
        int angle = in.u8();
        int quality = in.u8();
        MinutiaType type = switch (typeAndX >>> 14) {
            case 0 -> MinutiaType.OTHER;
            case 1 -> MinutiaType.ENDING;
            case 2 -> MinutiaType.BIFURCATION;
            default -> throw corrupt("view " + view + ", minutia " + index + " has the reserved type code 11");
        };
        double degrees;
        if (format == RecordFormat.ISO_19794_2_2005) {
            degrees = angle * (360.0 / ISO_ANGLE_STEPS);
        } else {
            if (angle >= ANSI_ANGLE_STEPS) {
                throw corrupt("view " + view + ", minutia " + index + " has angle " + angle + " (ANSI: 0..179)");
            }
            degrees = angle * (360.0 / ANSI_ANGLE_STEPS);
        }
        if (quality > 100) {
            throw corrupt("view " + view + ", minutia " + index + " has quality " + quality + " (0..100)");
        }
        return new StandardMinutia(type, typeAndX & StandardMinutia.MAX_COORDINATE, y, degrees, quality);
    }

    public static byte[] write(FingerMinutiaeRecord record, RecordFormat format) {
        long length = (format == RecordFormat.ISO_19794_2_2005 ? ISO_HEADER : ANSI_HEADER);
        for (FingerView view : record.views()) {
            length += MIN_VIEW_BYTES + (long) MINUTIA_BYTES * view.minutiae().size() + view.extendedData().length;
        }
        boolean longAnsi = format == RecordFormat.ANSI_378_2004 && length > 0xFFFF;
        if (longAnsi) {
            length += ANSI_LONG_HEADER - ANSI_HEADER;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
        out.writeBytes(MAGIC);
        if (format == RecordFormat.ISO_19794_2_2005) {
            u32(out, length);
        } else if (longAnsi) {
            u16(out, 0);
            u32(out, length);
        } else {
            u16(out, (int) length);
        }
        if (format == RecordFormat.ANSI_378_2004) {
            u16(out, record.productOwner());
            u16(out, record.productType());
        }
        u16(out, record.device().certifications() << 12 | record.device().deviceTypeId());
        u16(out, record.width());
        u16(out, record.height());
        u16(out, record.resolutionX());
        u16(out, record.resolutionY());
        out.write(record.views().size());
        out.write(0);
        for (FingerView view : record.views()) {
            out.write(view.positionCode());
            out.write(view.viewNumber() << 4 | view.impressionType());
            out.write(view.quality());
            out.write(view.minutiae().size());
            for (StandardMinutia m : view.minutiae()) {
                int typeCode = switch (m.type()) {
                    case OTHER -> 0;
                    case ENDING -> 1;
                    case BIFURCATION -> 2;
                };
                u16(out, typeCode << 14 | m.x());
                u16(out, m.y());
                int steps = format == RecordFormat.ISO_19794_2_2005 ? ISO_ANGLE_STEPS : ANSI_ANGLE_STEPS;
                out.write((int) Math.floorMod(Math.round(m.direction() * steps / 360.0), (long) steps));
                out.write(m.quality());
            }
            byte[] extended = view.extendedData();
            u16(out, extended.length);
            out.writeBytes(extended);
        }
        if (out.size() != length) {
            throw new IllegalStateException("record writer out of step: " + out.size() + " vs " + length);
        }
        return out.toByteArray();
    }

    private static void checkMagic(byte[] data) {
        if (data == null || data.length == 0) {
            throw new StandardRecordFormatException(NOT_A_RECORD, "no record bytes");
        }
        for (int i = 0; i < 4; i++) {
            if (i >= data.length || data[i] != MAGIC[i]) {
                throw new StandardRecordFormatException(NOT_A_RECORD,
                        "not a finger minutiae record (format identifier is not \"FMR\")");
            }
        }
        for (int i = 4; i < MAGIC.length; i++) {
            if (i >= data.length) {
                throw new StandardRecordFormatException(TRUNCATED, "finger minutiae record ends inside its version");
            }
            if (data[i] != MAGIC[i]) {
                throw new StandardRecordFormatException(UNSUPPORTED_VERSION, "finger minutiae record version \""
                        + printable(data, 4, 3) + "\" is not supported (only \" 20\": ISO 19794-2:2005 and"
                        + " ANSI 378-2004)");
            }
        }
    }

    private static String printable(byte[] d, int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count && i < d.length; i++) {
            char c = (char) (d[i] & 0xFF);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }

    private static StandardRecordFormatException corrupt(String message) {
        return new StandardRecordFormatException(CORRUPT, message);
    }

    private static int u16(byte[] d, int i) {
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v >>> 16) & 0xFFFF);
        u16(out, (int) v & 0xFFFF);
    }

    /** Big-endian reads bounded by the data and, once known, by the record's declared length. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private int limit;

        Reader(byte[] data) {
            this.data = data;
            this.limit = data.length;
        }

        void limit(int limit) {
            this.limit = limit;
        }

        int position() {
            return position;
        }

        int remaining() {
            return limit - position;
        }

        int u8() {
            require(1);
            return data[position++] & 0xFF;
        }

        int u16() {
            require(2);
            int v = RecordCodec.u16(data, position);
            position += 2;
            return v;
        }

        long u32() {
            require(4);
            long v = ((long) RecordCodec.u16(data, position) << 16) | RecordCodec.u16(data, position + 2);
            position += 4;
            return v;
        }

        byte[] bytes(int count) {
            require(count);
            byte[] b = java.util.Arrays.copyOfRange(data, position, position + count);
            position += count;
            return b;
        }

        void skip(int count) {
            require(count);
            position += count;
        }

        private void require(int count) {
            if (count > limit - position) {
                if (limit < data.length) {
                    throw corrupt("record contents run past its declared length of " + limit + " bytes");
                }
                throw new StandardRecordFormatException(TRUNCATED, "record data ends at byte " + data.length
                        + " inside a field");
            }
        }
    }
}
