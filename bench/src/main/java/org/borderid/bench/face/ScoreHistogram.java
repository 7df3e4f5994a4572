package org.borderid.bench.face;

/**
 * Counts of cosine similarities in fixed bins over −1..1, for score sets too large to keep (tens of millions of
 * impostor pairs). Scores below −1 (a failed capture is scored −∞) fall into the lowest bin, as do all scores the
 * decision rule must reject at every threshold.
 *
 * <p>Decision rule: a pair matches when its score is at or above the threshold. Bins are {@code [lo, lo + width)};
 * thresholds read from the histogram are bin lower edges, so they are exact for the binned data and within one bin
 * width ({@link #BIN_WIDTH}) of the exact empirical threshold.
 */
final class ScoreHistogram {
    /** Bin width: 2e-5 in cosine similarity, far below any meaningful threshold difference. */
    static final double BIN_WIDTH = 2e-5;
    private static final int BINS = (int) Math.round(2 / BIN_WIDTH);

    private final long[] counts = new long[BINS];
    private long total;

    void add(double score) {
        counts[bin(score)]++;
        total++;
    }

    void addAll(ScoreHistogram other) {
        for (int i = 0; i < BINS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long total() {
        return total;
    }

    private static int bin(double score) {
        if (!(score >= -1)) {
            return 0;
        }
        int b = (int) ((score + 1) / BIN_WIDTH);
        return Math.min(BINS - 1, b);
    }

    private static double lowerEdge(int bin) {
        return -1 + bin * BIN_WIDTH;
    }

    /** Fraction of scores at or above the threshold (rounded down to its bin edge). */
    double rateAtOrAbove(double threshold) {
        if (total == 0) {
            return Double.NaN;
        }
        long n = 0;
        for (int i = bin(threshold); i < BINS; i++) {
            n += counts[i];
        }
        return (double) n / total;
    }

    /**
     * The lowest threshold (a bin edge) at which at most {@code rate} of the scores are at or above it: the
     * threshold for a target false match rate when this histogram holds impostor scores.
     */
    double thresholdAtRate(double rate) {
        long allowed = (long) Math.floor(rate * total);
        long above = 0;
        int lowest = BINS; // threshold above every score
        for (int i = BINS - 1; i >= 0; i--) {
            above += counts[i];
            if (above > allowed) {
                break;
            }
            lowest = i;
        }
        return lowest == BINS ? 1 + BIN_WIDTH : lowerEdge(lowest);
    }

    /**
     * Equal error rate against a genuine-score histogram: sweeping the threshold up through the bin edges, FMR (these
     * impostor scores at or above) falls and FNMR (genuine scores below) rises; between the last edge with FMR &gt;
     * FNMR and the first with FMR ≤ FNMR the two are interpolated linearly and the EER is where they meet (the
     * definition of {@code bench.accuracy.ErrorRates}, on binned scores).
     */
    double equalErrorRate(ScoreHistogram genuine) {
        long impostorAbove = total;
        long genuineBelow = 0;
        double previousFmr = Double.NaN;
        double previousFnmr = Double.NaN;
        for (int i = 0; i <= BINS; i++) {
            double fmr = (double) impostorAbove / total;
            double fnmr = (double) genuineBelow / genuine.total;
            if (fmr <= fnmr) {
                if (Double.isNaN(previousFmr)) {
                    return (fmr + fnmr) / 2;
                }
                double before = previousFmr - previousFnmr; // > 0
                double after = fmr - fnmr; // <= 0
                double t = before / (before - after);
                return previousFmr + t * (fmr - previousFmr);
            }
            previousFmr = fmr;
            previousFnmr = fnmr;
            if (i < BINS) {
                impostorAbove -= counts[i];
                genuineBelow += genuine.counts[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The threshold (a bin edge) maximising TAR − FMR (Youden's J) with this histogram as impostor scores: the
     * threshold of best balanced accuracy, i.e. of best accuracy on a set with as many mated as non-mated pairs.
     */
    double balancedAccuracyThreshold(ScoreHistogram genuine) {
        long impostorAbove = total;
        long genuineAbove = genuine.total;
        double best = Double.NEGATIVE_INFINITY;
        int bestBin = 0;
        for (int i = 0; i < BINS; i++) {
            double j = (double) genuineAbove / genuine.total - (double) impostorAbove / total;
            if (j > best) {
                best = j;
                bestBin = i;
            }
            impostorAbove -= counts[i];
            genuineAbove -= genuine.counts[i];
        }
        return lowerEdge(bestBin);
    }

    /**
     * The ROC on a log-spaced grid of target false match rates, with this histogram as impostor scores: for each
     * target, the threshold of {@link #thresholdAtRate} and the FMR and TAR it gives.
     *
     * @param genuine         the mated scores
     * @param minRate         the smallest target rate (e.g. 1e-6)
     * @param pointsPerDecade grid density
     * @return rows {fmr, tar}, FMR decreasing, consecutive duplicates removed
     */
    double[][] roc(ScoreHistogram genuine, double minRate, int pointsPerDecade) {
        java.util.List<double[]> points = new java.util.ArrayList<>();
        int steps = (int) Math.round(-Math.log10(minRate) * pointsPerDecade);
        double[] last = null;
        for (int k = 0; k <= steps; k++) {
            double target = Math.pow(10, -(double) k / pointsPerDecade);
            double t = thresholdAtRate(target);
            double[] p = {rateAtOrAbove(t), genuine.rateAtOrAbove(t)};
            if (last == null || p[0] != last[0] || p[1] != last[1]) {
                points.add(p);
                last = p;
            }
        }
        return points.toArray(new double[0][]);
    }
}
