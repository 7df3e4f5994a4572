package org.borderid.server.service;

/**
 * Fuses the evidence of several independent comparisons (face, each finger) into one estimated false match rate,
 * by Fisher's method.
 *
 * <p>Why: each comparison's evidence e = −log10(FMR) is a calibrated p-value under the impostor hypothesis: for an
 * impostor, FMR(score) is uniformly distributed, so −ln(FMR) is exponential. With k independent comparisons the sum
 * S = Σ −ln(FMRᵢ) follows a Gamma(k, 1) law, and the fused FMR — the probability that an impostor reaches at least
 * this sum — is P(Gamma(k,1) ≥ S) = e^−S Σ_{j&lt;k} S^j / j! (Fisher 1925). Thresholding it at the target FMR keeps the
 * fused false match rate at the target (under independence, which holds between face and fingers and approximately
 * between different fingers), with no need for genuine-score models. A weak modality lowers the fused evidence below
 * the strongest single one (k grows): more comparisons, more chances for an impostor — the decision policy reports
 * such disagreement explicitly.
 */
public final class Fusion {
    private static final double LN10 = Math.log(10);

    private Fusion() {}

    /**
     * The fused evidence (−log10 of the fused FMR) of independent comparisons.
     *
     * @param evidence each comparison's −log10(FMR), ≥ 0; at least one
     */
    public static double fuse(double... evidence) {
        if (evidence.length == 0) {
            throw new IllegalArgumentException("nothing to fuse");
        }
        double s = 0;
        for (double e : evidence) {
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("evidence must be finite and ≥ 0: " + e);
            }
            s += e * LN10;
        }
        // log of Σ_{j<k} S^j/j!, accumulated in log space to stay finite for large S.
        double logTerm = 0; // j = 0: S^0/0! = 1
        double logSum = 0;
        for (int j = 1; j < evidence.length; j++) {
            logTerm += Math.log(s) - Math.log(j);
            logSum = logAdd(logSum, logTerm);
        }
        double logP = -s + logSum;
        return Math.max(0, -logP / LN10);
    }

    /** The fused FMR estimate of a fused evidence. */
    public static double fmr(double evidence) {
        return Math.pow(10, -evidence);
    }

    private static double logAdd(double a, double b) {
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }
}
