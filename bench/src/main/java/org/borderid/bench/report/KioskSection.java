package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.borderid.bench.plot.Axis;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.Panel;
import org.borderid.bench.plot.Series;

/**
 * The kiosk transaction (face + two fingers verified in-process) at 1, 2 and 4 concurrent kiosks, with the load
 * generator's HTTP figures beside it when given: the throughput-vs-kiosks table and figure.
 */
final class KioskSection {
    static final String FIGURE = "kiosk-scaling";

    private KioskSection() {}

    static Section render(ReportInputs in, Plots plots) {
        Optional<KioskScaling> scaling = KioskScaling.of(in.jmh());
        if (scaling.isEmpty() && in.loadRun().isEmpty()) {
            return Section.text("_Not in this run: `" + KioskScaling.BENCHMARK + "` has no sample-time results and no "
                    + "load-generator output was given._\n");
        }
        StringBuilder b = new StringBuilder();
        scaling.ifPresent(s -> b.append(table(s, in.cores()).render()).append('\n'));
        in.loadRun().ifPresent(l -> b.append(LoadSection.describe(l)).append("\n\n")
                .append(LoadSection.table(l).render()).append('\n'));
        Figure figure = figure(scaling, in.loadRun(), in.cores(), plots);
        b.append(plots.embed(FIGURE, "Throughput and latency vs concurrent kiosks")).append('\n');
        return new Section(b.toString(), List.of(new Plots.Named(FIGURE, figure)));
    }

    static MarkdownTable table(KioskScaling s, int cores) {
        MarkdownTable t = new MarkdownTable(">kiosks (threads)", ">transactions/s", ">mean ms", ">p50 ms", ">p90 ms",
                ">p99 ms", ">scaling efficiency");
        for (KioskScaling.Point p : s.points()) {
            double efficiency = cores > 0 ? s.efficiency(p, cores) : Double.NaN;
            t.row(Integer.toString(p.threads()), Numbers.withError(p.throughput(), p.throughputError()),
                    Numbers.withError(p.meanMs(), p.meanErrorMs()), Numbers.figure(p.p50Ms()),
                    Numbers.figure(p.p90Ms()), Numbers.figure(p.p99Ms()),
                    Double.isFinite(efficiency) ? Math.round(efficiency * 100) + "%" : "n/a");
        }
        return t;
    }

    private static Figure figure(Optional<KioskScaling> scaling, Optional<LoadRun> load, int cores, Plots plots) {
        List<Series> throughput = new ArrayList<>();
        List<Series> latency = new ArrayList<>();
        double maxX = 1;
        double maxThroughput = 0;
        double maxLatency = 0;
        if (scaling.isPresent()) {
            List<KioskScaling.Point> points = scaling.get().points();
            double[] x = points.stream().mapToDouble(KioskScaling.Point::threads).toArray();
            double[] tps = points.stream().mapToDouble(KioskScaling.Point::throughput).toArray();
            throughput.add(Series.marked("in-process", x, tps));
            latency.add(Series.marked("in-process p50", x, points.stream().mapToDouble(KioskScaling.Point::p50Ms)
                    .toArray()));
            latency.add(Series.marked("in-process p99", x, points.stream().mapToDouble(KioskScaling.Point::p99Ms)
                    .toArray()));
            maxX = Math.max(maxX, max(x));
            maxThroughput = Math.max(maxThroughput, max(tps));
            maxLatency = Math.max(maxLatency, max(latency.get(1).y()));
            Optional<KioskScaling.Point> one = scaling.get().single();
            if (one.isPresent() && cores > 0) {
                double[] ideal = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    ideal[i] = one.get().throughput() * Math.min(x[i], cores);
                }
                throughput.add(Series.reference("perfect scaling to " + cores + " cores", x, ideal));
                maxThroughput = Math.max(maxThroughput, max(ideal));
            }
        }
        if (load.isPresent()) {
            List<LoadRun.Step> steps = load.get().steps();
            double[] x = steps.stream().mapToDouble(LoadRun.Step::clients).toArray();
            double[] rps = steps.stream().mapToDouble(LoadRun.Step::throughput).toArray();
            throughput.add(Series.marked("HTTP", x, rps));
            latency.add(Series.marked("HTTP p50", x, steps.stream().mapToDouble(LoadRun.Step::p50Ms).toArray()));
            latency.add(Series.marked("HTTP p99", x, steps.stream().mapToDouble(LoadRun.Step::p99Ms).toArray()));
            maxX = Math.max(maxX, max(x));
            maxThroughput = Math.max(maxThroughput, max(rps));
            maxLatency = Math.max(maxLatency, max(latency.get(latency.size() - 1).y()));
        }
        Axis kiosks = Axis.linear("concurrent kiosks", 0, maxX + 0.5);
        List<String> notes = throughput.stream().anyMatch(s -> s.style() == Series.Style.REFERENCE)
                ? List.of("dashed: perfect scaling to " + cores + " cores") : List.of();
        Panel left = new Panel("Throughput", kiosks, Axis.linear("transactions / s", 0, headroom(maxThroughput)),
                throughput, notes);
        Panel right = new Panel("Latency", kiosks, Axis.linear("ms per transaction", 0, headroom(maxLatency)),
                latency, load.map(l -> List.of("HTTP: load generator, scenario " + l.scenario())).orElse(List.of()));
        return Figure.grid("Kiosk transaction (face + two fingers) vs concurrent kiosks", plots.subtitle(), 2,
                List.of(left, right));
    }

    static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** An axis maximum 15% above the data (1 when there is none). */
    static double headroom(double max) {
        return max > 0 ? max * 1.15 : 1;
    }
}
