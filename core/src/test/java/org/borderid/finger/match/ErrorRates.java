package org.borderid.finger.match;

import java.util.Arrays;

/** Verification error rates of genuine and impostor score samples (higher score = more similar). */
record ErrorRates(double eer, double fnmrAtFmr1e2, double fnmrAtFmr1e3, double zeroFmr, double maxImpostor) {
    static ErrorRates of(double[] genuine, double[] impostor) {
        double[] g = genuine.clone();
        double[] i = impostor.clone();
        Arrays.sort(g);
        Arrays.sort(i);
        double eer = 1;
        double gap = 2;
        double at1e2 = 1;
        double at1e3 = 1;
        double zero = 1;
        double[] thresholds = new double[g.length + i.length + 1];
        System.arraycopy(g, 0, thresholds, 0, g.length);
        System.arraycopy(i, 0, thresholds, g.length, i.length);
        thresholds[thresholds.length - 1] = Double.POSITIVE_INFINITY;
        for (double t : thresholds) {
            double fmr = atOrAbove(i, t);
            double fnmr = 1 - atOrAbove(g, t);
            if (Math.abs(fmr - fnmr) < gap) {
                gap = Math.abs(fmr - fnmr);
                eer = (fmr + fnmr) / 2;
            }
            if (fmr <= 1e-2) {
                at1e2 = Math.min(at1e2, fnmr);
            }
            if (fmr <= 1e-3) {
                at1e3 = Math.min(at1e3, fnmr);
            }
            if (fmr == 0) {
                zero = Math.min(zero, fnmr);
            }
        }
        return new ErrorRates(eer, at1e2, at1e3, zero, i.length == 0 ? 0 : i[i.length - 1]);
    }

    /** Fraction of the sorted scores at or above t. */
    private static double atOrAbove(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) (sorted.length - lo) / sorted.length;
    }

    @Override
    public String toString() {
        return String.format("EER %.2f%%, FNMR@FMR1e-2 %.2f%%, FNMR@FMR1e-3 %.2f%%, ZeroFMR %.2f%%, max impostor %.4f",
                eer * 100, fnmrAtFmr1e2 * 100, fnmrAtFmr1e3 * 100, zeroFmr * 100, maxImpostor);
    }
}
