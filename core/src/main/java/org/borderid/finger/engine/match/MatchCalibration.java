package org.borderid.finger.engine.match;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.borderid.OperatingPoint;

/**
 * Score thresholds of the fingerprint matcher for the {@link OperatingPoint}s, and the routine that derives them from
 * measured impostor scores.
 *
 * <p>Convention: a comparison is a match when its score is at or above the threshold. For a target FMR α over n
 * impostor scores at most k = ⌊α·n⌋ impostors may be accepted, so the threshold is the smallest double above the
 * (k+1)-th highest impostor score; ties at that score are all rejected (the same rule as the accuracy harness).
 */
public final class MatchCalibration {
    /**
     * Threshold for FMR 10⁻², score units (0..1 similarity). Measured with BorderID's extractor and matcher as on main
     * on 2026-11-26 on FVC2000 and FVC2002 set B: 201,600 impostor pairs (23,040 FVC-protocol pairs within the 8
     * databases, 178,560 across them; the 640 FVC2000 DB1_B × DB2_B pairs of the same finger excluded), 2,016 accepted,
     * by {@code ./borderid eval fingerprints … --calibrate} (docs/fingerprint.md "Calibration"). To be re-derived
     * whenever the extractor or the matcher changes.
     */
    static final double THRESHOLD_FMR_1E2 = 0.012250;
    /** Threshold for FMR 10⁻³ (201 of 201,600 impostors accepted); provenance as {@link #THRESHOLD_FMR_1E2}. */
    static final double THRESHOLD_FMR_1E3 = 0.018072;
    /** Threshold for FMR 10⁻⁴ (20 of 201,600 impostors accepted); provenance as {@link #THRESHOLD_FMR_1E2}. */
    static final double THRESHOLD_FMR_1E4 = 0.024856;

    /** Tolerance in ⌊α·n⌋, so that 0.01 × 2,900 counts as 29 and not 28.999…. */
    private static final double FLOOR_EPSILON = 1e-9;

    private MatchCalibration() {}

    /** The calibrated threshold for an operating point. */
    public static double threshold(OperatingPoint point) {
        return switch (point) {
            case FMR_1E2 -> THRESHOLD_FMR_1E2;
            case FMR_1E3 -> THRESHOLD_FMR_1E3;
            case FMR_1E4 -> THRESHOLD_FMR_1E4;
        };
    }

    /**
     * The threshold of every operating point over the given impostor scores (any order; not modified). Pure function,
     * for the calibration run of the accuracy harness.
     *
     * @throws IllegalArgumentException when there are no scores or one is NaN
     */
    public static Map<OperatingPoint, Double> thresholds(double[] impostorScores) {
        double[] sorted = impostorScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0 || Double.isNaN(sorted[n - 1])) {
            throw new IllegalArgumentException(n == 0 ? "no impostor scores" : "impostor scores contain NaN");
        }
        Map<OperatingPoint, Double> thresholds = new EnumMap<>(OperatingPoint.class);
        for (OperatingPoint point : OperatingPoint.values()) {
            long accepted = (long) Math.floor(point.falseMatchRate() * n + FLOOR_EPSILON);
            thresholds.put(point, accepted >= n ? Double.NEGATIVE_INFINITY : Math.nextUp(sorted[n - 1 - (int) accepted]));
        }
        return thresholds;
    }
}
