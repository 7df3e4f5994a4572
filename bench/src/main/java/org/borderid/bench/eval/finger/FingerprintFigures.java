package org.borderid.bench.eval.finger;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The headline figures of one fingerprint system on one database, or their mean over databases. Rates are fractions;
 * {@link Double#NaN} means undefined (e.g. no genuine pairs) or not measured (timing switched off).
 *
 * @param eer                  equal error rate, interpolated (see {@code ErrorRates})
 * @param fnmrAtFmr1e2         FNMR at the lowest threshold with FMR ≤ 1e-2
 * @param fnmrAtMinFmr         FNMR at the lowest resolvable FMR, 1/impostor pairs (e.g. 1/2880)
 * @param zeroFmr              FNMR at FMR = 0
 * @param fte                  failure to extract: images without a template / images
 * @param extractMsMedian      median single-threaded extraction time, milliseconds
 * @param comparisonsPerSecond single-threaded 1:1 comparisons per second with the probe prepared once
 * @param extractCpuMsMedian   as extractMsMedian, by the thread's CPU time (robust to other load on the machine)
 * @param comparisonsPerCpuSecond as comparisonsPerSecond, per second of the thread's CPU time
 */
public record FingerprintFigures(double eer, double fnmrAtFmr1e2, double fnmrAtMinFmr, double zeroFmr, double fte,
        double extractMsMedian, double comparisonsPerSecond, double extractCpuMsMedian,
        double comparisonsPerCpuSecond) {

    /** The arithmetic mean of each figure (NaN if any input's figure is NaN). */
    public static FingerprintFigures mean(List<FingerprintFigures> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no figures to average");
        }
        return new FingerprintFigures(mean(all, FingerprintFigures::eer), mean(all, FingerprintFigures::fnmrAtFmr1e2),
                mean(all, FingerprintFigures::fnmrAtMinFmr), mean(all, FingerprintFigures::zeroFmr),
                mean(all, FingerprintFigures::fte), mean(all, FingerprintFigures::extractMsMedian),
                mean(all, FingerprintFigures::comparisonsPerSecond), mean(all, FingerprintFigures::extractCpuMsMedian),
                mean(all, FingerprintFigures::comparisonsPerCpuSecond));
    }

    private static double mean(List<FingerprintFigures> all, ToDoubleFunction<FingerprintFigures> figure) {
        return all.stream().mapToDouble(figure).sum() / all.size();
    }
}
