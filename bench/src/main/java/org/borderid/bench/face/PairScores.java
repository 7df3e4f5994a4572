package org.borderid.bench.face;

import java.util.Arrays;
import java.util.List;
import org.borderid.bench.accuracy.ErrorRates;

/**
 * Exact verification figures of a small set of scored pairs (LFW's pairs files: hundreds to thousands of pairs).
 * Decision rule: a pair matches when its score is at or above the threshold; a pair with a failed capture is scored
 * −∞ and never matches.
 *
 * @param mated    scores of pairs of one person (copied, sorted)
 * @param nonMated scores of pairs of two people (copied, sorted)
 */
record PairScores(double[] mated, double[] nonMated) {
    PairScores {
        mated = mated.clone();
        nonMated = nonMated.clone();
        Arrays.sort(mated);
        Arrays.sort(nonMated);
        for (double s : mated) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("NaN score");
            }
        }
        for (double s : nonMated) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("NaN score");
            }
        }
    }

    /** Pooled scores of several sets (e.g. nine folds). */
    static PairScores pool(Iterable<PairScores> sets) {
        double[] m = new double[0];
        double[] n = new double[0];
        for (PairScores s : sets) {
            m = concat(m, s.mated);
            n = concat(n, s.nonMated);
        }
        return new PairScores(m, n);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * LFW's 10-fold protocol: each fold's accuracy at the best-accuracy threshold of the other folds pooled.
     *
     * @return one accuracy per fold
     */
    static double[] crossValidatedAccuracies(List<PairScores> folds) {
        double[] accuracies = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            List<PairScores> others = new java.util.ArrayList<>(folds);
            others.remove(f);
            accuracies[f] = folds.get(f).accuracy(pool(others).bestAccuracyThreshold());
        }
        return accuracies;
    }

    int size() {
        return mated.length + nonMated.length;
    }

    /** Fraction of pairs classified correctly at the threshold. */
    double accuracy(double threshold) {
        long correct = countAtOrAbove(mated, threshold) + (nonMated.length - countAtOrAbove(nonMated, threshold));
        return (double) correct / size();
    }

    /** Fraction of mated pairs at or above the threshold (true accept rate). */
    double trueAcceptRate(double threshold) {
        return (double) countAtOrAbove(mated, threshold) / mated.length;
    }

    /** Fraction of non-mated pairs at or above the threshold (false accept rate). */
    double falseAcceptRate(double threshold) {
        return (double) countAtOrAbove(nonMated, threshold) / nonMated.length;
    }

    /**
     * The threshold of best accuracy: the midpoint between the two adjacent distinct finite scores where the
     * accuracy peaks (the first peak when several thresholds tie).
     */
    double bestAccuracyThreshold() {
        double[] distinct = Arrays.stream(concat(mated, nonMated)).filter(Double::isFinite).sorted().distinct()
                .toArray();
        if (distinct.length == 0) {
            return 0;
        }
        double best = -1;
        double bestThreshold = Double.NaN;
        for (int j = 0; j <= distinct.length; j++) {
            double t = j == 0 ? distinct[0] - 1e-6
                    : j == distinct.length ? distinct[j - 1] + 1e-6 : (distinct[j - 1] + distinct[j]) / 2;
            double a = accuracy(t);
            if (a > best) {
                best = a;
                bestThreshold = t;
            }
        }
        return bestThreshold;
    }

    /** Equal error rate, as {@link ErrorRates#eer()} defines it for every modality. */
    double equalErrorRate() {
        return ErrorRates.of(mated, nonMated).eer();
    }

    private static long countAtOrAbove(double[] sorted, double threshold) {
        int i = Arrays.binarySearch(sorted, threshold);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && sorted[i - 1] == threshold) {
                i--;
            }
        }
        return sorted.length - i;
    }
}
