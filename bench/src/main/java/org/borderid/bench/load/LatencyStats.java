package org.borderid.bench.load;

import java.util.Arrays;

/**
 * Exact percentiles of recorded latencies (every request is kept: a 30 s step at a few hundred requests per second
 * is a few thousand longs).
 */
public record LatencyStats(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {
    /** The statistics of latencies in nanoseconds (the array is sorted in place). */
    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(nanos);
        double sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return new LatencyStats(nanos.length, ms(percentile(nanos, 0.50)), ms(percentile(nanos, 0.95)),
                ms(percentile(nanos, 0.99)), ms(nanos[nanos.length - 1]), ms(sum / nanos.length));
    }

    /** Nearest-rank percentile: the smallest value with at least q of the sample at or below it. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double ms(double nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
