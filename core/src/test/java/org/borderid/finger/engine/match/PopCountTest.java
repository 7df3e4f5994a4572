package org.borderid.finger.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PopCountTest {
    private static final long SEED = 99L;

    @Test
    void selectedKernelAgreesWithPlainJava() {
        PopCount reference = new PopCount.Scalar();
        PopCount selected = PopCount.INSTANCE;
        Random random = new Random(SEED);
        int n = 16;
        long[] bits = new long[n * Cylinders.WORDS];
        long[] masks = new long[n * Cylinders.MASK_STRIDE];
        for (int trial = 0; trial < 50; trial++) {
            for (int i = 0; i < bits.length; i++) {
                bits[i] = random.nextLong() & (trial % 2 == 0 ? random.nextLong() : -1L);
            }
            for (int c = 0; c < n; c++) {
                for (int w = 0; w < Cylinders.MASK_WORDS; w++) {
                    long m = trial % 3 == 0 ? -1L : random.nextLong() | random.nextLong();
                    masks[c * Cylinders.MASK_STRIDE + w] = m;
                    masks[c * Cylinders.MASK_STRIDE + w + Cylinders.MASK_WORDS] = m;
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    long expected = reference.counts(bits, a * Cylinders.WORDS, bits, b * Cylinders.WORDS, masks,
                            a * Cylinders.MASK_STRIDE, masks, b * Cylinders.MASK_STRIDE);
                    long actual = selected.counts(bits, a * Cylinders.WORDS, bits, b * Cylinders.WORDS, masks,
                            a * Cylinders.MASK_STRIDE, masks, b * Cylinders.MASK_STRIDE);
                    assertThat(actual).as("seed %d trial %d (%s kernel)", SEED, trial, selected.name())
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void packedFieldsRoundTrip() {
        long packed = PopCount.pack(1536, 1200, 7, 208 * Cylinders.DIRECTION_CELLS);
        assertThat(PopCount.differ(packed)).isEqualTo(1536);
        assertThat(PopCount.first(packed)).isEqualTo(1200);
        assertThat(PopCount.second(packed)).isEqualTo(7);
        assertThat(PopCount.common(packed)).isEqualTo(208);
    }
}
