package org.borderid.finger.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.borderid.finger.TemplateFormatException;
import org.borderid.finger.TemplateFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BorderID's binary template format: exact round trips and a typed error for every kind of bad input. */
class TemplateFormatTest {
    private static final long SEED = 20240611L;

    static FingerprintTemplate randomTemplate(Random random, int count) {
        List<Minutia> minutiae = new ArrayList<>();
        int width = 1 + random.nextInt(800);
        int height = 1 + random.nextInt(800);
        MinutiaType[] types = MinutiaType.values();
        for (int i = 0; i < count; i++) {
            minutiae.add(Minutia.ofAngleSteps(random.nextInt(Minutia.MAX_COORDINATE + 1),
                    random.nextInt(Minutia.MAX_COORDINATE + 1), random.nextInt(256),
                    types[random.nextInt(types.length)], random.nextInt(101)));
        }
        return FingerprintTemplate.of(width, height, minutiae, random.nextInt(101));
    }

    private static TemplateFormatException.Reason reasonOf(byte[] bytes) {
        Throwable thrown = catchThrowable(() -> FingerprintTemplate.fromByteArray(bytes));
        assertThat(thrown).isInstanceOf(TemplateFormatException.class);
        return ((TemplateFormatException) thrown).reason();
    }

    /** Rewrites the CRC footer so that content changes get past the checksum. */
    private static byte[] resealed(byte[] bytes) {
        byte[] copy = bytes.clone();
        CRC32C crc = new CRC32C();
        crc.update(copy, 0, copy.length - 4);
        ByteBuffer.wrap(copy).putInt(copy.length - 4, (int) crc.getValue());
        return copy;
    }

    private static byte[] sample() {
        return randomTemplate(new Random(SEED), 12).toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 37, FingerprintTemplate.MAX_MINUTIAE})
    void roundTripIsExact(int count) {
        Random random = new Random(SEED + count);
        for (int i = 0; i < 20; i++) {
            FingerprintTemplate template = randomTemplate(random, count);
            FingerprintTemplate read = FingerprintTemplate.fromByteArray(template.toByteArray());
            assertThat(read).as("seed %d, template %d", SEED + count, i).isEqualTo(template);
            assertThat(read.minutiae()).isEqualTo(template.minutiae());
            assertThat(read.toByteArray()).isEqualTo(template.toByteArray());
        }
    }

    @Test
    void layoutStartsWithMagicAndVersionAndHasTheDocumentedLength() {
        FingerprintTemplate template = randomTemplate(new Random(SEED), 5);
        byte[] bytes = template.toByteArray();
        assertThat(Arrays.copyOf(bytes, 6)).containsExactly('B', 'I', 'D', 'F', 0, 1);
        assertThat(bytes).hasSize(12 + 7 * 5 + 4);
    }

    @Test
    void everySingleByteFlipIsATypedError() {
        byte[] bytes = sample();
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                Reason reason = reasonOf(flipped);
                if (i < 4) {
                    assertThat(reason).as("byte %d bit %d", i, bit).isEqualTo(Reason.NOT_A_TEMPLATE);
                } else if (i < 6) {
                    assertThat(reason).as("byte %d bit %d", i, bit)
                            .isIn(Reason.UNSUPPORTED_VERSION, Reason.CORRUPT, Reason.CHECKSUM_MISMATCH);
                } else {
                    assertThat(reason).as("byte %d bit %d", i, bit)
                            .isIn(Reason.CHECKSUM_MISMATCH, Reason.TRUNCATED);
                }
            }
        }
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] bytes = sample();
        for (int length = 0; length < bytes.length; length++) {
            Reason reason = reasonOf(Arrays.copyOf(bytes, length));
            assertThat(reason).as("length %d", length).isIn(Reason.TRUNCATED, Reason.NOT_A_TEMPLATE);
            if (length > 0) {
                assertThat(reason).as("length %d", length).isEqualTo(Reason.TRUNCATED);
            }
        }
    }

    @Test
    void emptyAndForeignBytesAreNotTemplates() {
        assertThat(reasonOf(new byte[0])).isEqualTo(Reason.NOT_A_TEMPLATE);
        assertThat(reasonOf("FMR\0 20\0 an ISO record".getBytes())).isEqualTo(Reason.NOT_A_TEMPLATE);
        assertThat(reasonOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).isEqualTo(Reason.NOT_A_TEMPLATE);
    }

    @Test
    void newerFormatVersionIsRefusedAsUnsupported() {
        byte[] bytes = sample();
        bytes[5] = 2;
        assertThat(reasonOf(resealed(bytes))).isEqualTo(Reason.UNSUPPORTED_VERSION);
        bytes[4] = (byte) 0xFF;
        assertThat(reasonOf(bytes)).isEqualTo(Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void checksummedButImpossibleContentIsCorrupt() {
        byte[] bytes = sample();
        byte[] version0 = bytes.clone();
        version0[5] = 0;
        assertThat(reasonOf(resealed(version0))).isEqualTo(Reason.CORRUPT);

        byte[] zeroWidth = bytes.clone();
        zeroWidth[6] = 0;
        zeroWidth[7] = 0;
        assertThat(reasonOf(resealed(zeroWidth))).isEqualTo(Reason.CORRUPT);

        byte[] quality = bytes.clone();
        quality[10] = 101;
        assertThat(reasonOf(resealed(quality))).isEqualTo(Reason.CORRUPT);

        byte[] type = bytes.clone();
        type[12 + 5] = 3;
        assertThat(reasonOf(resealed(type))).isEqualTo(Reason.CORRUPT);

        byte[] position = bytes.clone();
        position[12] = (byte) 0x40; // x = 16384 + ...
        assertThat(reasonOf(resealed(position))).isEqualTo(Reason.CORRUPT);

        byte[] minutiaQuality = bytes.clone();
        minutiaQuality[12 + 6] = (byte) 200;
        assertThat(reasonOf(resealed(minutiaQuality))).isEqualTo(Reason.CORRUPT);

        byte[] fewer = bytes.clone();
        fewer[11]--; // the count now disagrees with the length
        assertThat(reasonOf(resealed(fewer))).isEqualTo(Reason.CORRUPT);

        byte[] trailing = resealed(Arrays.copyOf(bytes, bytes.length + 7));
        assertThat(reasonOf(trailing)).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void randomGarbageIsAlwaysATypedError() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length >= 6) { // get past the magic and the version
                System.arraycopy(new byte[] {'B', 'I', 'D', 'F', 0, 1}, 0, garbage, 0, 6);
            }
            if (i % 4 == 0 && garbage.length >= 16) {
                garbage = resealed(garbage);
            }
            byte[] input = garbage;
            Throwable thrown = catchThrowable(() -> FingerprintTemplate.fromByteArray(input));
            assertThat(thrown).as("seed %d, case %d", SEED, i)
                    .isInstanceOfAny(TemplateFormatException.class)
                    .hasMessageNotContaining("null");
        }
    }

    @Test
    void nullIsAProgrammingError() {
        assertThatThrownBy(() -> FingerprintTemplate.fromByteArray(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void templateRefusesMoreMinutiaeThanAStandardViewHolds() {
        List<Minutia> minutiae = new ArrayList<>();
        for (int i = 0; i <= FingerprintTemplate.MAX_MINUTIAE; i++) {
            minutiae.add(Minutia.ofAngleSteps(i, i, 0, MinutiaType.ENDING, 50));
        }
        assertThatThrownBy(() -> FingerprintTemplate.of(500, 500, minutiae, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
