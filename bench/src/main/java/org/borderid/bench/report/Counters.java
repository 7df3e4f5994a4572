package org.borderid.bench.report;

import java.util.Optional;

/**
 * {@code @AuxCounters} as figures per operation. JMH reports an OPERATIONS counter in the trial's own mode (a rate in
 * throughput mode, time per counted unit in average-time mode, nothing in sample mode) and an EVENTS counter as the
 * total over the measured iterations ({@code #}).
 */
final class Counters {
    /** JMH's unit for an EVENTS counter. */
    static final String EVENTS = "#";

    private Counters() {}

    /**
     * The mean count per operation of an OPERATIONS counter: counter rate / operation rate (throughput), or time per
     * operation / time per counted unit (average time). Empty if the trial has no such counter.
     */
    static Optional<Double> perOperation(JmhResult r, String counter) {
        Optional<JmhResult.Metric> c = r.secondary(counter);
        if (c.isEmpty() || c.get().unit().equals(EVENTS)) {
            return Optional.empty();
        }
        double perOp = r.mode().equals(JmhResult.THROUGHPUT) ? c.get().score() / r.primary().score()
                : r.primary().score() / c.get().score();
        return Double.isFinite(perOp) && c.get().unit().equals(r.primary().unit()) ? Optional.of(perOp)
                : Optional.empty();
    }

    /**
     * The ratio of two EVENTS counters of a trial, e.g. candidates scanned per search (both totals over the same
     * iterations). Empty if either is missing or the denominator is zero.
     */
    static Optional<Double> ratio(JmhResult r, String numerator, String denominator) {
        Optional<JmhResult.Metric> n = r.secondary(numerator).filter(m -> m.unit().equals(EVENTS));
        Optional<JmhResult.Metric> d = r.secondary(denominator).filter(m -> m.unit().equals(EVENTS));
        if (n.isEmpty() || d.isEmpty() || !(d.get().score() > 0)) {
            return Optional.empty();
        }
        return Optional.of(n.get().score() / d.get().score());
    }

    /** Whether a secondary metric is one of sample mode's percentiles ({@code p0.50}, {@code p1.00}). */
    static boolean isPercentile(String name) {
        return name.matches("p[01]\\.\\d+");
    }
}
