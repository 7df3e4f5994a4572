package org.borderid.bench.report;

/**
 * The one number a table or plot shows for a trial, by mode: operations per second (throughput), the median in
 * milliseconds (sample time: robust to the slow tail, which the percentile columns show), the mean in milliseconds
 * (average time, single shot).
 *
 * @param value  the number
 * @param error  its 99.9% error, or NaN (unknown, or a median)
 * @param label  what it is ({@code ops/s}, {@code median ms}, {@code mean ms})
 * @param faster whether higher is faster
 */
record Measure(double value, double error, String label, boolean faster) {
    static Measure of(JmhResult r) {
        JmhResult.Metric m = r.primary();
        if (r.mode().equals(JmhResult.THROUGHPUT)) {
            double k = TimeUnits.toPerSecond(m.unit());
            return new Measure(m.score() * k, m.error() * k, "ops/s", true);
        }
        double k = TimeUnits.toMillis(m.unit());
        if (r.mode().equals(JmhResult.SAMPLE_TIME)) {
            return new Measure(m.percentile(50).orElse(m.score()) * k, Double.NaN, "median ms", false);
        }
        return new Measure(m.score() * k, m.error() * k, "mean ms", false);
    }

    /** How many times faster this is than {@code other} (same kind of measure). */
    double speedup(Measure other) {
        return faster ? value / other.value : other.value / value;
    }

    String text() {
        return Numbers.withError(value, error);
    }
}
