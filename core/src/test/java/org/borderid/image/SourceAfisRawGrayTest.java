package org.borderid.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.borderid.finger.FingerprintImage;
import org.borderid.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SourceAFIS's raw gray test images ({@code gray-*.dat}) through {@link FingerprintImage#fromGray}.
 *
 * <p>Layout, worked out from the bytes: no header at all, one byte per pixel (0 = black), row-major from the top
 * row; the file length is exactly width × height. The dimensions are not in the file: SourceAFIS's own test passes
 * them in code (332 × 533, 320 × 407, 333 × 435). These are inked-card scans unrelated to {@code probe.png} and
 * friends (different fingers and sizes), so they are checked against their own structure, not against the PNGs.
 */
class SourceAfisRawGrayTest {
    /** Mean absolute difference between vertically adjacent pixels when the bytes are read {@code width} wide. */
    private static double rowToRowDifference(byte[] pixels, int width) {
        int height = pixels.length / width;
        long sum = 0;
        for (int y = 0; y + 1 < height; y++) {
            for (int x = 0; x < width; x++) {
                sum += Math.abs((pixels[y * width + x] & 0xFF) - (pixels[(y + 1) * width + x] & 0xFF));
            }
        }
        return (double) sum / ((long) (height - 1) * width);
    }

    @ParameterizedTest
    @CsvSource({"gray-probe.dat, 332, 533", "gray-matching.dat, 320, 407", "gray-nonmatching.dat, 333, 435"})
    void readsHeaderlessRowMajorGrayThroughFromGray(String name, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.require("data/fingerprints/sourceafis-testres/" + name));

        assertThat(bytes).hasSize(width * height); // no header, no padding
        // Read at the right width, neighbouring rows line up (ridges continue); one byte off, every row shears by a
        // pixel and the vertical differences jump. Measured ratios 1.33 to 1.62; a wrong width would give about 1.
        double aligned = rowToRowDifference(bytes, width);
        assertThat(rowToRowDifference(bytes, width - 1)).isGreaterThan(1.25 * aligned);
        assertThat(rowToRowDifference(bytes, width + 1)).isGreaterThan(1.25 * aligned);

        FingerprintImage image = FingerprintImage.fromGray(width, height, bytes, 500);
        assertThat(image.width()).isEqualTo(width);
        assertThat(image.height()).isEqualTo(height);
        assertThat(image.gray().pixels()).isEqualTo(bytes);
        // 0 = black: dark ridges on a light card, so the darkest 5% lie far below the median (measured 88..119
        // levels; an inverted or misread raster would not show this).
        int[] sorted = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            sorted[i] = bytes[i] & 0xFF;
        }
        java.util.Arrays.sort(sorted);
        assertThat(sorted[sorted.length / 2] - sorted[sorted.length / 20]).isGreaterThan(60);
    }
}
