package org.borderid.finger.engine.match;

import static org.borderid.finger.engine.match.Cylinders.CELLS_PER_LAYER;
import static org.borderid.finger.engine.match.Cylinders.MASK_WORDS;
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
    private static final float[] SQRT = new float[WORDS * Long.SIZE + 1];

    static {
        for (int i = 0; i < SQRT.length; i++) {
            SQRT[i] = (float) Math.sqrt(i);
        }
    }

    private LocalSimilarity() {}

    /**
     * Writes every pair with a non-zero similarity into {@code out} as {@link Pairs#pack packed} entries and returns
     * their number. {@code out} must hold {@code probe.validCount() * candidate.validCount()} entries.
     */
    static int compute(PreparedTemplate probe, PreparedTemplate candidate, long[] out) {
        int found = 0;
        long[] ab = probe.bits;
        long[] am = probe.masks;
        long[] bb = candidate.bits;
        long[] bm = candidate.masks;
        int[] bValid = candidate.valid;
        long[] m = new long[MASK_WORDS];
        for (int a : probe.valid) {
            int aDirection = probe.direction[a];
            for (int b : bValid) {
                if (Angles.distance(aDirection, candidate.direction[b]) > MAX_DIRECTION_DIFFERENCE) {
                    continue;
                }
                int common = 0;
                for (int w = 0; w < MASK_WORDS; w++) {
                    m[w] = am[a * MASK_WORDS + w] & bm[b * MASK_WORDS + w];
                    common += Long.bitCount(m[w]);
                }
                if (common < MIN_MATCHABLE) {
                    continue;
                }
                int differ = 0, aCount = 0, bCount = 0;
                for (int w = 0; w < WORDS; w++) {
                    long x = ab[a * WORDS + w] & m[w % MASK_WORDS];
                    long y = bb[b * WORDS + w] & m[w % MASK_WORDS];
                    differ += Long.bitCount(x ^ y);
                    aCount += Long.bitCount(x);
                    bCount += Long.bitCount(y);
                }
                float norms = SQRT[aCount] + SQRT[bCount];
                if (norms == 0) {
                    continue;
                }
                float similarity = 1 - SQRT[differ] / norms;
                if (similarity > 0) {
                    out[found++] = Pairs.pack(similarity, a, b);
                }
            }
        }
        return found;
    }
}
