package org.borderid.bench.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verification error rates of one system on one set of comparisons: the genuine and impostor score distributions and
 * what follows from them (FMR/FNMR at any threshold, EER, FNMR at a target FMR, the DET curve).
 *
 * <p>Decision rule: a comparison is a match when its score is at or above the threshold. FMR(t) is the fraction of
 * impostor scores ≥ t, FNMR(t) the fraction of genuine scores &lt; t. Pairs that could not be compared (failed
 * extraction) carry {@link Double#NEGATIVE_INFINITY}, so they are non-matches at every finite threshold, as in FVC.
 *
 * <p><b>EER.</b> Sweeping t over every distinct score (plus +∞) gives operating points (FMR, FNMR) with FMR falling and
 * FNMR rising. Between the last point with FMR &gt; FNMR and the first with FMR ≤ FNMR the curve is interpolated
 * linearly — the operating point reached by choosing between the two thresholds at random — and the EER is where that
 * segment meets FMR = FNMR. The result always lies inside FVC's [EER<sub>low</sub>, EER<sub>high</sub>] interval
 * (Maio et al., "FVC2000: Fingerprint Verification Competition", IEEE TPAMI 24(3), 2002), whose midpoint FVC reports.
 *
 * <p><b>FNMR at a target FMR</b> uses the lowest threshold whose empirical FMR is ≤ the target (see
 * {@link ThresholdCalibration}); ZeroFMR is FNMR at FMR = 0. With n impostors, targets below 1/n cannot be resolved;
 * {@link #minResolvableFmr()} gives 1/n.
 *
 * <p>Undefined figures (no genuine or no impostor comparisons) are {@link Double#NaN}.
 */
public final class ErrorRates {
    private final double[] genuine;
    private final double[] impostor;

    private ErrorRates(double[] genuine, double[] impostor) {
        this.genuine = genuine;
        this.impostor = impostor;
    }

    /**
     * Error rates of the given scores (arrays copied; order irrelevant).
     *
     * @throws IllegalArgumentException if a score is NaN
     */
    public static ErrorRates of(double[] genuineScores, double[] impostorScores) {
        double[] g = sortedCopy(genuineScores, "genuine");
        double[] i = sortedCopy(impostorScores, "impostor");
        return new ErrorRates(g, i);
    }

    private static double[] sortedCopy(double[] scores, String what) {
        double[] copy = scores.clone();
        Arrays.sort(copy);
        if (copy.length > 0 && Double.isNaN(copy[copy.length - 1])) {
            throw new IllegalArgumentException(what + " scores contain NaN");
        }
        return copy;
    }

    public int genuineCount() {
        return genuine.length;
    }

    public int impostorCount() {
        return impostor.length;
    }

    /** Genuine scores, ascending (a copy). */
    public double[] genuineScores() {
        return genuine.clone();
    }

    /** Impostor scores, ascending (a copy). */
    public double[] impostorScores() {
        return impostor.clone();
    }

    /** Fraction of impostor scores at or above the threshold. */
    public double fmr(double threshold) {
        return impostor.length == 0 ? Double.NaN
                : (double) (impostor.length - ThresholdCalibration.lowerBound(impostor, threshold)) / impostor.length;
    }

    /** Fraction of genuine scores below the threshold. */
    public double fnmr(double threshold) {
        return genuine.length == 0 ? Double.NaN
                : (double) ThresholdCalibration.lowerBound(genuine, threshold) / genuine.length;
    }

    /** 1 / number of impostors: the lowest FMR above zero these data can resolve. */
    public double minResolvableFmr() {
        return impostor.length == 0 ? Double.NaN : 1.0 / impostor.length;
    }

    /** The lowest threshold whose empirical FMR is at most {@code targetFmr}. */
    public double thresholdAtFmr(double targetFmr) {
        if (impostor.length == 0) {
            return Double.NaN;
        }
        return ThresholdCalibration.calibrateSorted(impostor, targetFmr).threshold();
    }

    /** FNMR at the lowest threshold whose empirical FMR is at most {@code targetFmr}. */
    public double fnmrAtFmr(double targetFmr) {
        if (genuine.length == 0 || impostor.length == 0) {
            return Double.NaN;
        }
        return fnmr(thresholdAtFmr(targetFmr));
    }

    /** FNMR at FMR = 0: the threshold rejects every impostor. */
    public double zeroFmr() {
        return fnmrAtFmr(0);
    }

    /** FNMR at the lowest resolvable FMR, 1/impostors. */
    public double fnmrAtMinResolvableFmr() {
        return fnmrAtFmr(minResolvableFmr());
    }

    /** Equal error rate, interpolated as described in the class comment. */
    public double eer() {
        if (genuine.length == 0 || impostor.length == 0) {
            return Double.NaN;
        }
        List<DetPoint> curve = detCurve();
        DetPoint previous = curve.get(0);
        for (DetPoint p : curve) {
            double d = p.fmr() - p.fnmr();
            if (d == 0) {
                return p.fmr();
            }
            if (d < 0) {
                double dPrevious = previous.fmr() - previous.fnmr();
                double lambda = dPrevious / (dPrevious - d);
                return previous.fmr() + lambda * (p.fmr() - previous.fmr());
            }
            previous = p;
        }
        throw new AssertionError("the sweep ends at FMR 0, FNMR 1, so FMR - FNMR turns negative");
    }

    /**
     * FVC's EER interval [EER<sub>low</sub>, EER<sub>high</sub>] (Maio et al. 2002): around the thresholds where FNMR
     * crosses FMR, the pair (FNMR, FMR) or (FMR, FNMR) of the point with the smaller sum.
     */
    public double[] fvcEerInterval() {
        if (genuine.length == 0 || impostor.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        List<DetPoint> curve = detCurve();
        DetPoint t1 = null; // highest threshold with FNMR <= FMR
        DetPoint t2 = null; // lowest threshold with FNMR >= FMR
        for (DetPoint p : curve) {
            if (p.fnmr() <= p.fmr()) {
                t1 = p;
            }
            if (t2 == null && p.fnmr() >= p.fmr()) {
                t2 = p;
            }
        }
        if (t1.fnmr() + t1.fmr() <= t2.fnmr() + t2.fmr()) {
            return new double[] {t1.fnmr(), t1.fmr()};
        }
        return new double[] {t2.fmr(), t2.fnmr()};
    }

    /**
     * The operating points of the threshold sweep, by increasing threshold: one per distinct score, then +∞ (FMR 0,
     * FNMR 1). The first point accepts every comparison (FMR 1, FNMR 0).
     */
    public List<DetPoint> detCurve() {
        double[] thresholds = distinctUnion(genuine, impostor);
        List<DetPoint> points = new ArrayList<>(thresholds.length + 1);
        for (double t : thresholds) {
            points.add(new DetPoint(t, fmr(t), fnmr(t)));
        }
        points.add(new DetPoint(Double.POSITIVE_INFINITY, impostor.length == 0 ? Double.NaN : 0,
                genuine.length == 0 ? Double.NaN : 1));
        return points;
    }

    private static double[] distinctUnion(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || Double.compare(all[i], all[n - 1]) != 0) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /**
     * One operating point.
     *
     * @param threshold score threshold (match when score ≥ threshold)
     * @param fmr       false match rate at it, fraction
     * @param fnmr      false non-match rate at it, fraction
     */
    public record DetPoint(double threshold, double fmr, double fnmr) {}
}
