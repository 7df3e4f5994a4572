package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Tables of trials: a short one per topic (face, enrollment) and the full list of every trial. */
final class TrialTables {
    private TrialTables() {}

    /** A topic's trials: benchmark, parameters, its {@link Measure}, and the percentiles of sample-time trials. */
    static Section topic(List<JmhResult> results, Predicate<JmhResult> selection, String absent) {
        MarkdownTable t = new MarkdownTable("benchmark", "parameters", ">threads", "measure", ">value", ">p90 ms",
                ">p99 ms");
        for (JmhResult r : results) {
            if (selection.test(r)) {
                Measure m = Measure.of(r);
                t.row("`" + r.shortName() + "`", r.paramsText(), Integer.toString(r.threads()), m.label(), m.text(),
                        percentile(r, 90), percentile(r, 99));
            }
        }
        return Section.text(t.isEmpty() ? "_" + absent + "_\n" : t.render());
    }

    /** Every trial as JMH reported it, with its settings and counters. */
    static Section all(List<JmhResult> results) {
        if (results.isEmpty()) {
            return Section.text("_The result file holds no trials._\n");
        }
        MarkdownTable t = new MarkdownTable("benchmark", "parameters", "mode", ">threads", "forks, warm-up, measured",
                ">score", "unit", ">p50", ">p99", "counters");
        for (JmhResult r : results) {
            boolean sample = r.mode().equals(JmhResult.SAMPLE_TIME);
            t.row("`" + r.shortName() + "`", r.paramsText(), r.mode(), Integer.toString(r.threads()),
                    r.forks() + "; " + r.warmup() + "; " + r.measurement(),
                    Numbers.withError(r.primary().score(), r.primary().error()), r.primary().unit(),
                    sample ? Numbers.figure(r.primary().percentile(50).orElse(Double.NaN)) : "",
                    sample ? Numbers.figure(r.primary().percentile(99).orElse(Double.NaN)) : "", counters(r));
        }
        return Section.text(t.render());
    }

    private static String percentile(JmhResult r, double p) {
        if (!r.mode().equals(JmhResult.SAMPLE_TIME)) {
            return "";
        }
        return Numbers.figure(r.primary().percentile(p).orElse(Double.NaN) * TimeUnits.toMillis(r.primary().unit()));
    }

    private static String counters(JmhResult r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JmhResult.Metric> e : r.secondary().entrySet()) {
            if (!Counters.isPercentile(e.getKey())) {
                parts.add(e.getKey() + " " + Numbers.figure(e.getValue().score()) + " " + e.getValue().unit());
            }
        }
        return String.join("; ", parts);
    }
}
