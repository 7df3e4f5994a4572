package org.borderid.finger.engine.match;

import static org.borderid.finger.engine.match.Cylinders.CELLS_PER_LAYER;
import static org.borderid.finger.engine.match.Cylinders.MASK_STRIDE;
import static org.borderid.finger.engine.match.Cylinders.WORDS;

/**
 * Local similarity of every pair of valid cylinders (probe a, candidate b): the bit-based MCC similarity
 * {@code 1 - |a⊕b| / (|a| + |b|)} over the cells valid in both, where |·| is the Euclidean norm (the square root of
 * the popcount). MCC 2010 eq. 17 and sec. 5.
 *
 * <p>Pairs whose minutia directions differ by more than {@link #MAX_DIRECTION_DIFFERENCE} or whose cylinders share
 * too few valid cells score 0 and are not reported.
 */
final class LocalSimilarity {
    /**
     * Largest difference between the two minutiae's directions for their cylinders to be compared, steps of 2π/256
     * (64 = π/2). MCC 2010 table 1 (δ_θ = π/2): bounds the rotation the matcher tolerates between two captures.
     */
    static final int MAX_DIRECTION_DIFFERENCE = 64;
    /**
     * Fraction of the N_S² spatial cells that must be valid in both cylinders for them to be comparable
     * (min_ME). MCC 2010 table 1 (0.6): 154 of the 208 disc cells.
     */
    static final double MIN_MATCHABLE_FRACTION = 0.6;

    private static final int MIN_MATCHABLE = (int) Math.ceil(MIN_MATCHABLE_FRACTION * CELLS_PER_LAYER);
    private static final PopCount KERNEL = PopCount.INSTANCE;
    private static final float[] SQRT = new float[WORDS * Long.SIZE + 1];

    static {
        for (int i = 0; i < SQRT.length; i++) {
            SQRT[i] = (float) Math.sqrt(i);
        }
    }

    private LocalSimilarity() {}

    /**
     * Writes every pair with a non-zero similarity into {@code out} as {@link Pairs#pack packed} entries and returns
     * their number. {@code out} must hold {@link #capacity} entries.
     */
    static int compute(PreparedTemplate probe, PreparedTemplate candidate, long[] out) {
        int found = 0;
        for (int a : probe.valid) {
            // The candidates within the direction tolerance form one or two runs of the direction-sorted list.
            int low = probe.direction[a] - MAX_DIRECTION_DIFFERENCE;
            int high = probe.direction[a] + MAX_DIRECTION_DIFFERENCE + 1; // exclusive
            if (low < 0) {
                found = compare(probe, a, candidate, candidate.firstWithDirection(low + Angles.STEPS), candidate.valid.length, out, found);
                found = compare(probe, a, candidate, 0, candidate.firstWithDirection(high), out, found);
            } else if (high > Angles.STEPS) {
                found = compare(probe, a, candidate, candidate.firstWithDirection(low), candidate.valid.length, out, found);
                found = compare(probe, a, candidate, 0, candidate.firstWithDirection(high - Angles.STEPS), out, found);
            } else {
                found = compare(probe, a, candidate, candidate.firstWithDirection(low), candidate.firstWithDirection(high), out, found);
            }
        }
        return found;
    }

    /** An upper bound of the pairs {@link #compute} reports. */
    static int capacity(PreparedTemplate probe, PreparedTemplate candidate) {
        return probe.valid.length * candidate.valid.length;
    }

    /** Compares probe cylinder a with the candidate's direction-sorted cylinders [from, to). */
    private static int compare(PreparedTemplate probe, int a, PreparedTemplate candidate, int from, int to,
                               long[] out, int found) {
        long[] aBits = probe.bits;
        long[] aMasks = probe.masks;
        long[] bBits = candidate.bits;
        long[] bMasks = candidate.masks;
        int[] order = candidate.byDirection;
        int aAt = a * WORDS;
        int aMaskAt = a * MASK_STRIDE;
        for (int i = from; i < to; i++) {
            int b = order[i];
            long counts = KERNEL.counts(aBits, aAt, bBits, b * WORDS, aMasks, aMaskAt, bMasks, b * MASK_STRIDE);
            if (PopCount.common(counts) < MIN_MATCHABLE) {
                continue;
            }
            float similarity = similarity(PopCount.differ(counts), PopCount.first(counts), PopCount.second(counts));
            if (similarity > 0) {
                out[found++] = Pairs.pack(similarity, a, b);
            }
        }
        return found;
    }

    /** 1 - sqrt(differ) / (sqrt(aCount) + sqrt(bCount)); 0 when both are empty. */
    private static float similarity(int differ, int aCount, int bCount) {
        float norms = SQRT[aCount] + SQRT[bCount];
        return norms == 0 ? 0 : 1 - SQRT[differ] / norms;
    }
}
