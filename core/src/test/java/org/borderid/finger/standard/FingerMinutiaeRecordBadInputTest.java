package org.borderid.finger.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.borderid.finger.standard.StandardRecordFormatException.Reason;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Truncated and corrupt records end in {@link StandardRecordFormatException}, never in an unchecked exception. */
class FingerMinutiaeRecordBadInputTest {
    private static final long SEED = 378_2004L;

    private static FingerMinutiaeRecord sample(RecordFormat format) {
        return RecordSamples.record(new Random(SEED), format, 3);
    }

    private static void assertRefused(byte[] data, RecordFormat format, Reason... reasons) {
        assertThatThrownBy(() -> FingerMinutiaeRecord.read(data, format))
                .isInstanceOfSatisfying(StandardRecordFormatException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isIn((Object[]) reasons));
    }

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void everyTruncationIsRefused(RecordFormat format) throws IOException {
        byte[] fvc = Files.readAllBytes(SharedData.require("data/fingerprints/fvc2002/DB1_B/101_1.iso"));
        for (byte[] full : List.of(sample(format).write(format), fvc)) {
            RecordFormat f = full == fvc ? RecordFormat.ISO_19794_2_2005 : format;
            for (int length = 0; length < full.length; length++) {
                byte[] cut = Arrays.copyOf(full, length);
                assertRefused(cut, f, Reason.NOT_A_RECORD, Reason.TRUNCATED);
                if (length > 0) {
                    assertThatThrownBy(() -> FingerMinutiaeRecord.read(cut))
                            .isInstanceOf(StandardRecordFormatException.class);
                }
            }
        }
    }

    @Test
    void refusesNullEmptyForeignAndOtherVersions() {
        assertRefused(null, RecordFormat.ISO_19794_2_2005, Reason.NOT_A_RECORD);
        assertRefused(new byte[0], RecordFormat.ANSI_378_2004, Reason.NOT_A_RECORD);
        assertRefused("hello, not a record at all".getBytes(), RecordFormat.ISO_19794_2_2005, Reason.NOT_A_RECORD);
        byte[] iso = sample(RecordFormat.ISO_19794_2_2005).write(RecordFormat.ISO_19794_2_2005);
        byte[] faceRecord = iso.clone();
        faceRecord[0] = 'F';
        faceRecord[1] = 'A';
        faceRecord[2] = 'C';
        assertRefused(faceRecord, RecordFormat.ISO_19794_2_2005, Reason.NOT_A_RECORD);
        byte[] v2011 = iso.clone();
        v2011[4] = '0';
        v2011[5] = '3';
        v2011[6] = '0';
        assertRefused(v2011, RecordFormat.ISO_19794_2_2005, Reason.UNSUPPORTED_VERSION);
        assertThatThrownBy(() -> FingerMinutiaeRecord.detect(v2011))
                .isInstanceOfSatisfying(StandardRecordFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void refusesLengthFieldsThatLie() {
        byte[] iso = sample(RecordFormat.ISO_19794_2_2005).write(RecordFormat.ISO_19794_2_2005);
        for (int delta : new int[] {1, 2, 100, 1 << 20}) {
            byte[] longer = iso.clone();
            writeBe32(longer, 8, iso.length + delta);
            assertRefused(longer, RecordFormat.ISO_19794_2_2005, Reason.TRUNCATED);
        }
        for (int declared : new int[] {iso.length - 1, iso.length - 6, 30, 24, 23, 0}) {
            byte[] shorter = iso.clone();
            writeBe32(shorter, 8, declared);
            assertRefused(shorter, RecordFormat.ISO_19794_2_2005, Reason.CORRUPT);
        }
        byte[] huge = iso.clone();
        writeBe32(huge, 8, -1); // 4 GiB − 1
        assertRefused(huge, RecordFormat.ISO_19794_2_2005, Reason.TRUNCATED);

        byte[] ansi = sample(RecordFormat.ANSI_378_2004).write(RecordFormat.ANSI_378_2004);
        byte[] ansiLonger = ansi.clone();
        writeBe16(ansiLonger, 8, ansi.length + 1);
        assertRefused(ansiLonger, RecordFormat.ANSI_378_2004, Reason.TRUNCATED);
        byte[] ansiShorter = ansi.clone();
        writeBe16(ansiShorter, 8, ansi.length - 1);
        assertRefused(ansiShorter, RecordFormat.ANSI_378_2004, Reason.CORRUPT);
    }

    @Test
    void refusesCountsBeyondTheDataAndOutOfRangeFields() {
        FingerMinutiaeRecord record = new FingerMinutiaeRecord(0, 0, CaptureDevice.UNREPORTED, 300, 400, 197, 197,
                List.of(new FingerView(1, 0, 0, 90, List.of(
                        new StandardMinutia(org.borderid.finger.MinutiaType.ENDING, 10, 20, 90, 50)), new byte[3])));
        byte[] iso = record.write(RecordFormat.ISO_19794_2_2005);
        // Header 24, view header at 24..27, minutia at 28..33, extended length at 34..35, data 36..38.
        assertRefused(with(iso, 22, 9), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // 9 views
        assertRefused(with(iso, 22, 255), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT);
        assertRefused(with(iso, 27, 2), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // 2 minutiae
        assertRefused(with(iso, 27, 255), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT);
        assertRefused(with(iso, 35, 4), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // 4 extended bytes
        assertRefused(with(iso, 34, 0xFF), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT);
        assertRefused(with(iso, 35, 2), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // contents end early
        assertRefused(with(iso, 28, 0xC0), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // type code 11
        assertRefused(with(iso, 33, 101), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // minutia quality
        assertRefused(with(iso, 26, 101), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // finger quality
        assertRefused(with(iso, 24, 16), RecordFormat.ISO_19794_2_2005, Reason.CORRUPT); // position code
        byte[] zeroResolution = with(with(iso, 18, 0), 19, 0);
        assertRefused(zeroResolution, RecordFormat.ISO_19794_2_2005, Reason.CORRUPT);
        byte[] zeroWidth = with(with(iso, 14, 0), 15, 0);
        assertRefused(zeroWidth, RecordFormat.ISO_19794_2_2005, Reason.CORRUPT);

        byte[] ansi = record.write(RecordFormat.ANSI_378_2004); // every offset after the length shifted by 2
        assertRefused(with(ansi, 34, 180), RecordFormat.ANSI_378_2004, Reason.CORRUPT); // angle ≥ 180
        assertThat(FingerMinutiaeRecord.read(with(ansi, 34, 179), RecordFormat.ANSI_378_2004).views().get(0)
                .minutiae().get(0).direction()).isEqualTo(358.0);
    }

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void randomByteFlipsGiveARecordOrATypedError(RecordFormat format) {
        Random random = new Random(SEED + format.ordinal());
        byte[] valid = sample(format).write(format);
        for (int c = 0; c < 3000; c++) {
            byte[] damaged = valid.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                damaged[random.nextInt(Math.min(damaged.length, random.nextBoolean() ? 40 : damaged.length))] =
                        (byte) random.nextInt(256);
            }
            try {
                FingerMinutiaeRecord record = FingerMinutiaeRecord.read(damaged, format);
                for (FingerView view : record.views()) {
                    record.toTemplate(view);
                }
            } catch (StandardRecordFormatException expected) {
                assertThat(expected.reason()).isNotNull();
            } catch (RuntimeException unexpected) {
                throw new AssertionError("seed " + (SEED + format.ordinal()) + ", case " + c + ": " + unexpected,
                        unexpected);
            }
        }
    }

    private static byte[] with(byte[] data, int at, int value) {
        byte[] copy = data.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static void writeBe16(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 8);
        d[at + 1] = (byte) v;
    }

    private static void writeBe32(byte[] d, int at, int v) {
        writeBe16(d, at, v >>> 16);
        writeBe16(d, at + 2, v);
    }
}
