package org.borderid.finger.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtraction.Reason;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.image.ImageFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deliberately bad captures: each gives a {@link FingerprintExtraction.LowQuality} with a reason, or a typed error,
 * never an exception from inside the pipeline, a hang or an out-of-memory; and the input is never modified.
 */
class BadInputTest {
    private static final FingerprintExtractor EXTRACTOR = new FingerprintExtractor();
    private static final long SEED = 20260426L;

    private static FingerprintImage uniform(int width, int height, int gray, double dpi) {
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) gray);
        return FingerprintImage.fromGray(width, height, pixels, dpi);
    }

    private static FingerprintImage noise(int width, int height, double dpi, long seed) {
        byte[] pixels = new byte[width * height];
        new Random(seed).nextBytes(pixels);
        return FingerprintImage.fromGray(width, height, pixels, dpi);
    }

    static Stream<Arguments> unusableCaptures() {
        return Stream.of(
                Arguments.of("1x1", uniform(1, 1, 128, 500), Reason.TOO_SMALL),
                Arguments.of("20x20", noise(20, 20, 500, SEED), Reason.TOO_SMALL),
                Arguments.of("95 px wide", noise(95, 400, 500, SEED), Reason.TOO_SMALL),
                Arguments.of("100x100 at 1000 dpi (50x50 at 500 dpi)",
                        noise(100, 100, 1000, SEED), Reason.TOO_SMALL),
                Arguments.of("all white", uniform(400, 400, 255, 500), Reason.NO_FINGERPRINT),
                Arguments.of("all black", uniform(400, 400, 0, 500), Reason.NO_FINGERPRINT),
                Arguments.of("mid gray at 2000 dpi", uniform(1200, 1200, 128, 2000), Reason.NO_FINGERPRINT),
                Arguments.of("all white at 200 dpi", uniform(300, 300, 255, 200), Reason.NO_FINGERPRINT),
                Arguments.of("a small patch of ridges",
                        SyntheticPrints.ridges(300, 0.5, 9, 15), Reason.TOO_LITTLE_AREA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableCaptures")
    void unusableCapturesGiveTheirReason(String name, FingerprintImage image, Reason expected) {
        byte[] before = image.gray().pixels();
        FingerprintExtraction result = EXTRACTOR.extract(image);

        assertThat(result).isInstanceOfSatisfying(FingerprintExtraction.LowQuality.class, low -> {
            assertThat(low.reason()).isEqualTo(expected);
            assertThat(low.detail()).isNotBlank();
            assertThat(low.quality()).isBetween(0, 30);
        });
        assertThat(image.gray().pixels()).isEqualTo(before);
    }

    @ParameterizedTest(name = "uniform noise {0}x{0} at {1} dpi")
    @org.junit.jupiter.params.provider.CsvSource({"128, 500", "400, 500", "400, 200", "800, 2000"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void uniformNoiseIsNeverATemplateWorthMatching(int size, double dpi) {
        long seed = SEED + size;
        FingerprintExtraction result = EXTRACTOR.extract(noise(size, size, dpi, seed));
        // noise has no ridges: either refused, or so few "minutiae" at so low a quality that matching ignores it
        if (result instanceof FingerprintExtraction.Extracted extracted) {
            assertThat(extracted.quality()).as("seed %d", seed).isLessThan(30);
        } else {
            assertThat(result.quality()).as("seed %d", seed).isLessThan(30);
        }
    }

    /**
     * A ridge-like labyrinth: random plane waves of a 9 px period in every direction. It passes segmentation and
     * thins into thousands of junctions and ends, the worst case for the skeleton graph and the minutiae filters.
     */
    private static FingerprintImage labyrinth(int size, long seed) {
        Random random = new Random(seed);
        int waves = 6;
        double[] kx = new double[waves];
        double[] ky = new double[waves];
        double[] phase = new double[waves];
        for (int k = 0; k < waves; k++) {
            double angle = random.nextDouble() * Math.PI;
            kx[k] = Math.cos(angle) * 2 * Math.PI / 9;
            ky[k] = Math.sin(angle) * 2 * Math.PI / 9;
            phase[k] = random.nextDouble() * 2 * Math.PI;
        }
        byte[] pixels = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0;
                for (int k = 0; k < waves; k++) {
                    v += Math.cos(kx[k] * x + ky[k] * y + phase[k]);
                }
                pixels[y * size + x] = (byte) Math.max(0, Math.min(255, Math.round(128 + 200 * v / waves)));
            }
        }
        return FingerprintImage.fromGray(size, size, pixels, 500);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void largeAllowedImagesFinishInBoundedTime() {
        // 2000x2000 at 500 dpi (4 Mpx, under the 2048² limit) of ridge-like texture: every stage does its full work
        FingerprintImage big = labyrinth(2000, SEED);
        FingerprintExtraction result = EXTRACTOR.extract(big);
        assertThat(result.quality()).as("seed %d", SEED).isBetween(0, 100);
        if (result instanceof FingerprintExtraction.Extracted extracted) {
            assertThat(extracted.template().minutiae()).hasSizeLessThanOrEqualTo(255);
        }
        // and the same pixels declared at 2000 dpi become 500x500
        FingerprintExtraction small = EXTRACTOR.extract(FingerprintImage.of(big.gray(), 2000));
        assertThat(small.quality()).isBetween(0, 100);
    }

    @Test
    void imagesBeyondTheWorkingLimitAreRefusedWithATypedError() {
        // 1000x1000 at 200 dpi is 2500x2500 at 500 dpi, beyond FingerprintExtractor.MAX_PIXELS
        FingerprintImage huge = uniform(1000, 1000, 200, 200);
        assertThatThrownBy(() -> EXTRACTOR.extract(huge))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageFormatException.Reason.TOO_LARGE));
    }

    @Test
    void badArgumentsAreTypedErrors() {
        assertThatThrownBy(() -> EXTRACTOR.extract(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FingerprintImage.decode(new byte[0]))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageFormatException.Reason.EMPTY));
        assertThatThrownBy(() -> uniform(300, 300, 0, 150))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageFormatException.Reason.INVALID_PARAMETER));
        assertThatThrownBy(() -> uniform(300, 300, 0, 2400)).isInstanceOf(ImageFormatException.class);
    }
}
