package org.borderid.bench.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One trial of a JMH result file: a benchmark method with one set of parameter values, in one mode.
 *
 * @param benchmark  the fully qualified method, {@code org.borderid.bench.jmh.finger.FooBenchmark.bar}
 * @param mode       JMH's short mode label: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param threads    benchmark threads
 * @param forks      measured forks
 * @param warmup     warm-up iterations × time, as JMH prints it ({@code 6 × 2 s})
 * @param measurement measured iterations × time ({@code 5 × 2 s})
 * @param jdk        the benchmark JVM's version ({@code 25.0.3})
 * @param params     {@code @Param} values by name (a sorted, unmodifiable copy)
 * @param primary    the primary metric
 * @param secondary  secondary metrics ({@code @AuxCounters}, profilers, sample-mode percentiles) by name (a sorted,
 *                   unmodifiable copy)
 */
public record JmhResult(String benchmark, String mode, int threads, int forks, String warmup, String measurement,
        String jdk, Map<String, String> params, Metric primary, Map<String, Metric> secondary) {
    /** Throughput mode label. */
    public static final String THROUGHPUT = "thrpt";
    /** Average time mode label. */
    public static final String AVERAGE_TIME = "avgt";
    /** Sample time mode label. */
    public static final String SAMPLE_TIME = "sample";

    public JmhResult {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(primary, "primary");
        if (benchmark.lastIndexOf('.') <= 0 || threads < 1 || forks < 0) {
            throw new IllegalArgumentException("invalid result: " + benchmark + ", " + threads + " threads, "
                    + forks + " forks");
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        secondary = Collections.unmodifiableSortedMap(new TreeMap<>(secondary));
    }

    /** The benchmark class's simple name, {@code FooBenchmark}. */
    public String className() {
        String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** The method's name, {@code bar}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** {@code FooBenchmark.bar}. */
    public String shortName() {
        return className() + "." + method();
    }

    /** A parameter's value, if the benchmark has it. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A secondary metric, if present. */
    public Optional<Metric> secondary(String name) {
        return Optional.ofNullable(secondary.get(name));
    }

    /**
     * A measured figure: score, error and unit as JMH gives them.
     *
     * @param score       the score (mean for time modes, rate for throughput)
     * @param error       half-width of JMH's 99.9% confidence interval, or NaN when it cannot be computed (fewer than
     *                    two iterations)
     * @param unit        {@code ops/s}, {@code ms/op}, {@code us/op}, ...
     * @param percentiles score percentiles by percent (0..100); in sample mode, of the sampled operation times
     * @param samples     measured iterations (throughput, average time) or sampled operations (sample time)
     */
    public record Metric(double score, double error, String unit, Map<Double, Double> percentiles,
            long samples) {
        public Metric {
            Objects.requireNonNull(unit, "unit");
            percentiles = Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
            if (samples < 0) {
                throw new IllegalArgumentException("negative sample count");
            }
        }

        /** The percentile (e.g. 50, 99), if JMH gave it. */
        public Optional<Double> percentile(double percent) {
            return Optional.ofNullable(percentiles.get(percent));
        }

        /** Whether the error is known. */
        public boolean hasError() {
            return Double.isFinite(error);
        }
    }

    /** Results of one benchmark method across its parameters, in file order. */
    public static List<JmhResult> of(List<JmhResult> all, String className, String method) {
        return all.stream().filter(r -> r.className().equals(className) && r.method().equals(method)).toList();
    }

    /** Parameter values as {@code name=value} pairs, for tables. */
    public String paramsText() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
