package org.borderid.finger.engine.match;

import static org.borderid.finger.engine.match.Cylinders.MASK_STRIDE;
import static org.borderid.finger.engine.match.Cylinders.WORDS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The popcount kernels of cylinder comparison. Two implementations with identical results: SIMD through the JDK's
 * incubating Vector API (selected when the {@code jdk.incubator.vector} module is present and the CPU has 128-, 256-
 * or 512-bit vectors; about ten times faster with AVX-512 VPOPCNTQ), and plain {@link Long#bitCount}.
 *
 * <p>Counts are packed in one {@code long}, 16 bits each: {@link #differ}, {@link #first}, {@link #second},
 * {@link #common}.
 */
abstract class PopCount {
    /** System property that forces the plain Java kernel ({@code -Dborderid.finger.scalar=true}), for comparison. */
    static final String SCALAR_PROPERTY = "borderid.finger.scalar";
    /** The implementation in use: vector when possible, else scalar. */
    static final PopCount INSTANCE = select();

    /**
     * Over the cells valid in both cylinders (masks at {@code aMaskAt}, {@code bMaskAt}, {@link Cylinders#MASK_STRIDE}
     * words each): popcount(a ⊕ b), popcount(a), popcount(b) and the number of common valid cells times
     * {@link Cylinders#DIRECTION_CELLS}, packed 16 bits each.
     */
    abstract long counts(long[] a, int aAt, long[] b, int bAt, long[] aMasks, int aMaskAt, long[] bMasks, int bMaskAt);

    /** A short name for logs and benchmarks. */
    abstract String name();

    static int differ(long packed) {
        return (int) packed & 0xFFFF;
    }

    static int first(long packed) {
        return (int) (packed >>> 16) & 0xFFFF;
    }

    static int second(long packed) {
        return (int) (packed >>> 32) & 0xFFFF;
    }

    /** Common valid cells (spatial), recovered from the packed field (which counts them once per layer). */
    static int common(long packed) {
        return (int) (packed >>> 48) / Cylinders.DIRECTION_CELLS;
    }

    static long pack(int differ, int first, int second, int commonTimesLayers) {
        return differ | ((long) first << 16) | ((long) second << 32) | ((long) commonTimesLayers << 48);
    }

    private static PopCount select() {
        PopCount scalar = new Scalar();
        if (Boolean.getBoolean(SCALAR_PROPERTY)
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return scalar;
        }
        try {
            Class<?> type = Class.forName(PopCount.class.getPackageName() + ".VectorPopCount");
            PopCount vector = (PopCount) MethodHandles.lookup()
                    .findConstructor(type, MethodType.methodType(void.class)).invoke();
            return agree(vector, scalar) ? vector : scalar;
        } catch (Throwable unavailable) {
            // No usable vector shape on this CPU, or the incubating API changed: plain Java.
            return scalar;
        }
    }

    /**
     * Runs both kernels on fixed pseudo-random cylinders, so that every vector operation is linked and checked once
     * before it is trusted.
     */
    private static boolean agree(PopCount candidate, PopCount reference) {
        long[] bits = new long[2 * WORDS];
        long[] masks = new long[2 * MASK_STRIDE];
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < bits.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            bits[i] = state ^ (state >>> 29);
        }
        for (int i = 0; i < masks.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            masks[i] = i % MASK_STRIDE < MASK_STRIDE / 2 ? state : masks[i - MASK_STRIDE / 2];
        }
        return candidate.counts(bits, 0, bits, WORDS, masks, 0, masks, MASK_STRIDE)
                == reference.counts(bits, 0, bits, WORDS, masks, 0, masks, MASK_STRIDE);
    }

    /** Plain Java, 64 bits at a time. */
    static final class Scalar extends PopCount {
        @Override
        long counts(long[] a, int aAt, long[] b, int bAt, long[] aMasks, int aMaskAt, long[] bMasks, int bMaskAt) {
            long m0 = aMasks[aMaskAt] & bMasks[bMaskAt];
            long m1 = aMasks[aMaskAt + 1] & bMasks[bMaskAt + 1];
            long m2 = aMasks[aMaskAt + 2] & bMasks[bMaskAt + 2];
            long m3 = aMasks[aMaskAt + 3] & bMasks[bMaskAt + 3];
            int common = Long.bitCount(m0) + Long.bitCount(m1) + Long.bitCount(m2) + Long.bitCount(m3);
            int differ = 0;
            int first = 0;
            int second = 0;
            for (int w = 0; w < WORDS; w += 4) {
                long a0 = a[aAt + w] & m0;
                long a1 = a[aAt + w + 1] & m1;
                long a2 = a[aAt + w + 2] & m2;
                long a3 = a[aAt + w + 3] & m3;
                long b0 = b[bAt + w] & m0;
                long b1 = b[bAt + w + 1] & m1;
                long b2 = b[bAt + w + 2] & m2;
                long b3 = b[bAt + w + 3] & m3;
                differ += Long.bitCount(a0 ^ b0) + Long.bitCount(a1 ^ b1) + Long.bitCount(a2 ^ b2)
                        + Long.bitCount(a3 ^ b3);
                first += Long.bitCount(a0) + Long.bitCount(a1) + Long.bitCount(a2) + Long.bitCount(a3);
                second += Long.bitCount(b0) + Long.bitCount(b1) + Long.bitCount(b2) + Long.bitCount(b3);
            }
            return pack(differ, first, second, common * Cylinders.DIRECTION_CELLS);
        }

        @Override
        String name() {
            return "scalar";
        }
    }

    static {
        if (MASK_STRIDE != 8 || WORDS % 8 != 0) {
            throw new AssertionError("kernels assume 24-word cylinders and 8-word duplicated masks");
        }
    }
}
