package org.borderid.bench.accuracy;

import java.util.Arrays;

/**
 * Score thresholds from measured impostor scores: the one place where BorderID's harness turns an impostor score
 * distribution into the threshold for a target false match rate.
 *
 * <p>Convention (that of {@code FingerprintMatcher.threshold}): a comparison is a match when its score is at or above
 * the threshold. For a target FMR α over n impostor scores, at most k = ⌊α·n⌋ impostors may be accepted; the threshold
 * is the smallest double strictly above the (k+1)-th highest impostor score, so the empirical FMR is ≤ α and no lower
 * threshold achieves that. Ties are never split: when several impostors share the (k+1)-th highest score, all of them
 * are rejected and the empirical FMR is below α. When k ≥ n every score is accepted (−∞).
 *
 * <p>The matcher's own pure function, {@code org.borderid.finger.engine.match.MatchCalibration.thresholds}, applies the
 * same rule to the standard operating points; a test keeps the two identical. This class stays because the harness
 * also needs arbitrary targets (1/impostor pairs, 0) and the count of accepted impostors behind each threshold.
 *
 * <p>How far to trust the result depends on k: with k impostors above the threshold the relative standard error of
 * the FMR is about 1/√k, so k below ~10 (the "rule of 30" asks for 30) gives a noisy threshold, and k = 0 only says
 * "above every impostor seen". {@link Threshold#acceptedImpostors()} reports k for that reason.
 */
public final class ThresholdCalibration {
    /** Tolerance when computing ⌊α·n⌋ so that e.g. 0.01 × 2,900 counts as 29, not 28.999… → 28. */
    private static final double FLOOR_EPSILON = 1e-9;

    private ThresholdCalibration() {}

    /**
     * The calibrated threshold for one target.
     *
     * @param targetFmr         the false match rate asked for, fraction
     * @param threshold         the score threshold (match when score ≥ threshold)
     * @param impostors         number of impostor scores it was derived from
     * @param acceptedImpostors impostor scores at or above the threshold (≤ ⌊targetFmr·impostors⌋)
     */
    public record Threshold(double targetFmr, double threshold, int impostors, int acceptedImpostors) {
        public Threshold {
            if (!(targetFmr >= 0 && targetFmr <= 1)) {
                throw new IllegalArgumentException("target FMR must be in [0, 1]: " + targetFmr);
            }
            if (impostors < 0 || acceptedImpostors < 0 || acceptedImpostors > impostors) {
                throw new IllegalArgumentException("impostor counts out of range: " + acceptedImpostors + " of " + impostors);
            }
        }

        /** The FMR measured at the threshold: accepted impostors / impostors. */
        public double empiricalFmr() {
            return impostors == 0 ? Double.NaN : (double) acceptedImpostors / impostors;
        }

        /** Whether the data resolve the target at all (at least one impostor may be accepted: α·n ≥ 1). */
        public boolean resolvable() {
            return maxAccepted(targetFmr, impostors) >= 1;
        }
    }

    /**
     * The threshold for a target FMR over impostor scores in any order (the array is not modified).
     *
     * @param impostorScores impostor comparison scores; at least one, none NaN
     * @param targetFmr      target false match rate, [0, 1]
     */
    public static Threshold calibrate(double[] impostorScores, double targetFmr) {
        double[] sorted = impostorScores.clone();
        Arrays.sort(sorted);
        return calibrateSorted(sorted, targetFmr);
    }

    /** As {@link #calibrate} for scores already sorted ascending (not checked beyond NaN). */
    static Threshold calibrateSorted(double[] ascending, double targetFmr) {
        if (!(targetFmr >= 0 && targetFmr <= 1)) {
            throw new IllegalArgumentException("target FMR must be in [0, 1]: " + targetFmr);
        }
        int n = ascending.length;
        if (n == 0) {
            throw new IllegalArgumentException("no impostor scores to calibrate on");
        }
        if (Double.isNaN(ascending[n - 1])) {
            throw new IllegalArgumentException("impostor scores contain NaN");
        }
        int k = maxAccepted(targetFmr, n);
        if (k >= n) {
            return new Threshold(targetFmr, Double.NEGATIVE_INFINITY, n, n);
        }
        double rejected = ascending[n - 1 - k]; // the (k+1)-th highest score: must be rejected
        double threshold = Math.nextUp(rejected);
        int accepted = n - upperBound(ascending, rejected);
        return new Threshold(targetFmr, threshold, n, accepted);
    }

    private static int maxAccepted(double targetFmr, int n) {
        return (int) Math.min(n, Math.floor(targetFmr * n + FLOOR_EPSILON));
    }

    /** Index of the first element greater than {@code value} in an ascending array. */
    static int upperBound(double[] ascending, double value) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element at or above {@code value} in an ascending array. */
    static int lowerBound(double[] ascending, double value) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
