package org.borderid.finger.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FingerMinutiaeRecordTest {
    private static final long SEED = 19794_2L;

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void writeThenReadGivesTheSameRecordWithSeveralViews(RecordFormat format) {
        Random random = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            FingerMinutiaeRecord record = RecordSamples.record(random, format, random.nextInt(6));
            byte[] bytes = record.write(format);

            assertThat(FingerMinutiaeRecord.read(bytes, format)).as("seed %d, case %d", SEED, i).isEqualTo(record);
            assertThat(FingerMinutiaeRecord.detect(bytes)).as("seed %d, case %d", SEED, i).isEqualTo(format);
            assertThat(FingerMinutiaeRecord.read(bytes)).isEqualTo(record);
        }
    }

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void recordsAbove64KiBUseTheLongLengthFieldAndRoundTrip(RecordFormat format) {
        Random random = new Random(SEED + 1);
        byte[] vendorBlock = new byte[FingerView.MAX_EXTENDED_DATA];
        random.nextBytes(vendorBlock);
        FingerView big = new FingerView(2, 0, 0, 80, RecordSamples.record(random, format, 1).views().get(0).minutiae(),
                vendorBlock);
        FingerMinutiaeRecord record = new FingerMinutiaeRecord(0, 0, CaptureDevice.UNREPORTED, 400, 500, 197, 197,
                List.of(big, big));
        byte[] bytes = record.write(format);

        assertThat(bytes.length).isGreaterThan(0xFFFF);
        if (format == RecordFormat.ANSI_378_2004) {
            assertThat(bytes[8]).isZero(); // 2-byte length 0, then the 4-byte length
            assertThat(bytes[9]).isZero();
        }
        assertThat(FingerMinutiaeRecord.detect(bytes)).isEqualTo(format);
        assertThat(FingerMinutiaeRecord.read(bytes)).isEqualTo(record);
    }

    @Test
    void keepsFingerPositionCodesElevenToFifteenAsUnknown() {
        FingerView view = new FingerView(13, 0, 0, 50, List.of(), null);
        assertThat(view.position()).isEqualTo(FingerPosition.UNKNOWN);
        FingerMinutiaeRecord record = new FingerMinutiaeRecord(0, 0, CaptureDevice.UNREPORTED, 300, 300, 197, 197,
                List.of(view));
        FingerView back = FingerMinutiaeRecord.read(record.write(RecordFormat.ISO_19794_2_2005)).views().get(0);
        assertThat(back.positionCode()).isEqualTo(13);
        assertThat(new FingerView(FingerPosition.LEFT_RING, 0, 0, 50, List.of()).position())
                .isEqualTo(FingerPosition.LEFT_RING);
    }

    @Test
    void templateExportedToIsoAndReadBackIsTheSameTemplate() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 100; i++) {
            FingerprintTemplate template = RecordSamples.template(random, 100 + random.nextInt(700),
                    100 + random.nextInt(700), random.nextInt(120));
            FingerPosition position = RecordSamples.anyPosition(random);
            FingerMinutiaeRecord record = FingerMinutiaeRecord.fromTemplate(template, position);
            FingerMinutiaeRecord back = FingerMinutiaeRecord.read(record.write(RecordFormat.ISO_19794_2_2005));
            FingerprintTemplate readBack = back.toTemplate(back.views().get(0));

            // Lossless: same grid, same minutiae (positions, ISO-unit directions, types, qualities), same quality.
            assertThat(readBack.width()).as("seed %d, case %d", SEED + 2, i).isEqualTo(template.width());
            assertThat(readBack.height()).isEqualTo(template.height());
            assertThat(readBack.minutiae()).as("seed %d, case %d", SEED + 2, i).isEqualTo(template.minutiae());
            assertThat(readBack.quality()).isEqualTo(template.quality());
            assertThat(back.views().get(0).position()).isEqualTo(position);
        }
    }

    @Test
    void templateExportedToAnsiKeepsPositionsAndDirectionsWithinOneIsoUnit() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < 100; i++) {
            FingerprintTemplate template = RecordSamples.template(random, 300 + random.nextInt(500),
                    300 + random.nextInt(500), 1 + random.nextInt(100));
            FingerMinutiaeRecord record = FingerMinutiaeRecord.fromTemplate(template, FingerPosition.RIGHT_INDEX);
            FingerMinutiaeRecord back = FingerMinutiaeRecord.read(record.write(RecordFormat.ANSI_378_2004));
            FingerprintTemplate readBack = back.toTemplate(back.views().get(0));

            assertThat(readBack.minutiae()).hasSameSizeAs(template.minutiae());
            for (int m = 0; m < template.minutiae().size(); m++) {
                Minutia original = template.minutiae().get(m);
                Minutia copy = readBack.minutiae().get(m);
                String where = "seed " + (SEED + 3) + ", case " + i + ", minutia " + m;
                assertThat(copy.x()).as(where).isEqualTo(original.x());
                assertThat(copy.y()).as(where).isEqualTo(original.y());
                assertThat(copy.type()).as(where).isEqualTo(original.type());
                int stepDifference = Math.floorMod(copy.angleSteps() - original.angleSteps() + 128, 256) - 128;
                assertThat(Math.abs(stepDifference)).as(where).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void convertsRecordPixelsToTheTemplateGridByResolution() {
        // 394 px/cm ≈ 1000 dpi: coordinates halve; a 45° direction stays 45°.
        StandardMinutia minutia = new StandardMinutia(MinutiaType.ENDING, 800, 400, 45, 60);
        FingerMinutiaeRecord record = new FingerMinutiaeRecord(0, 0, CaptureDevice.UNREPORTED, 1000, 1200, 394, 394,
                List.of(new FingerView(FingerPosition.LEFT_INDEX, 0, 0, 70, List.of(minutia))));
        FingerprintTemplate template = record.toTemplate(record.views().get(0));

        assertThat(template.width()).isEqualTo(500);
        assertThat(template.height()).isEqualTo(600);
        Minutia m = template.minutiae().get(0);
        assertThat(m.x()).isEqualTo(400);
        assertThat(m.y()).isEqualTo(200);
        assertThat(m.angleSteps()).isEqualTo(32);
        assertThat(template.quality()).isEqualTo(70);

        // Twice the resolution vertically: a 45° direction in record pixels is 26.6° on the 500 dpi grid.
        FingerMinutiaeRecord anisotropic = new FingerMinutiaeRecord(0, 0, CaptureDevice.UNREPORTED, 1000, 1200, 197,
                394, List.of(new FingerView(FingerPosition.LEFT_INDEX, 0, 0, 70, List.of(minutia))));
        Minutia stretched = anisotropic.toTemplate(anisotropic.views().get(0)).minutiae().get(0);
        assertThat(stretched.y()).isEqualTo(200);
        assertThat(Math.toDegrees(stretched.direction())).isCloseTo(Math.toDegrees(Math.atan(0.5)),
                org.assertj.core.data.Offset.offset(0.8));
    }
}
