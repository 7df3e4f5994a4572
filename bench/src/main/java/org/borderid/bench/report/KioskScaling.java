package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kiosk transaction's throughput and latency as concurrent kiosks grow, from the sample-time trials of the
 * kiosk benchmark at 1, 2 and 4 threads: each thread is a closed-loop kiosk, so throughput = threads / mean time.
 *
 * @param points one per thread count, ascending
 */
public record KioskScaling(List<Point> points) {
    /** The kiosk benchmark's class (its trials differ by {@code @Threads}). */
    public static final String BENCHMARK = "KioskTransactionBenchmark";

    public KioskScaling {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no kiosk trials");
        }
    }

    /**
     * One thread count.
     *
     * @param threads         concurrent kiosks (benchmark threads)
     * @param meanMs          mean transaction time, milliseconds
     * @param meanErrorMs     99.9% error of the mean, or NaN
     * @param p50Ms           median transaction time (likewise p90, p99)
     * @param throughput      transactions per second, all kiosks together
     * @param throughputError its error (from the mean's), or NaN
     */
    public record Point(int threads, double meanMs, double meanErrorMs, double p50Ms, double p90Ms, double p99Ms,
            double throughput, double throughputError) {}

    /** The scaling in the results, if the kiosk benchmark ran (sample-time mode). */
    public static Optional<KioskScaling> of(List<JmhResult> results) {
        List<Point> points = new ArrayList<>();
        for (JmhResult r : results) {
            if (!r.className().equals(BENCHMARK) || !r.mode().equals(JmhResult.SAMPLE_TIME)) {
                continue;
            }
            double toMs = TimeUnits.toMillis(r.primary().unit());
            double mean = r.primary().score() * toMs;
            double error = r.primary().error() * toMs;
            double throughput = r.threads() * 1000 / mean;
            points.add(new Point(r.threads(), mean, error, percentile(r, 50) * toMs, percentile(r, 90) * toMs,
                    percentile(r, 99) * toMs, throughput, throughput * error / mean));
        }
        points.sort(Comparator.comparingInt(Point::threads));
        return points.isEmpty() ? Optional.empty() : Optional.of(new KioskScaling(points));
    }

    private static double percentile(JmhResult r, double p) {
        return r.primary().percentile(p).orElse(Double.NaN);
    }

    /** The single-thread point, if measured. */
    public Optional<Point> single() {
        return points.stream().filter(p -> p.threads() == 1).findFirst();
    }

    /** The point of highest throughput: the node saturated. */
    public Point saturated() {
        return points.stream().max(Comparator.comparingDouble(Point::throughput)).orElseThrow();
    }

    /**
     * Throughput at a point as a share of perfect scaling from one thread on {@code cores} cores:
     * {@code X(T) / (X(1) · min(T, cores))}; NaN without a single-thread point.
     */
    public double efficiency(Point p, int cores) {
        Objects.requireNonNull(p, "p");
        return single().map(s -> p.throughput() / (s.throughput() * Math.min(p.threads(), cores)))
                .orElse(Double.NaN);
    }
}
