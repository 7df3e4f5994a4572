package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.borderid.bench.plot.Axis;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.Panel;
import org.borderid.bench.plot.Series;

/**
 * BorderID vs SourceAFIS: every benchmark run for both values of its {@code system} parameter, side by side, with
 * the speed ratio and a bar figure.
 */
final class PeerSection {
    static final String FIGURE = "borderid-vs-sourceafis";
    /** The {@code @Param} that selects the fingerprint system. */
    static final String SYSTEM = "system";
    static final String OURS = "borderid";
    static final String PEER = "sourceafis";
    /** Display names by parameter value. */
    static final Map<String, String> NAMES = Map.of(OURS, "BorderID", PEER, "SourceAFIS 3.18.1");
    /** The encoded-size counter of the template codec benchmark (bytes per second of measurement). */
    static final String BYTES = "bytes";

    private PeerSection() {}

    /** A comparison: one benchmark and its other parameters, measured for both systems. */
    record Pair(String name, JmhResult ours, JmhResult peer) {
        Measure oursMeasure() {
            return Measure.of(ours);
        }

        Measure peerMeasure() {
            return Measure.of(peer);
        }
    }

    static List<Pair> pairs(List<JmhResult> results) {
        Map<String, JmhResult> ours = new LinkedHashMap<>();
        Map<String, JmhResult> peer = new LinkedHashMap<>();
        for (JmhResult r : results) {
            String system = r.param(SYSTEM).orElse("");
            if (system.equals(OURS)) {
                ours.put(key(r), r);
            } else if (system.equals(PEER)) {
                peer.put(key(r), r);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        ours.forEach((k, r) -> {
            JmhResult p = peer.get(k);
            if (p != null) {
                pairs.add(new Pair(k, r, p));
            }
        });
        return pairs;
    }

    /** The benchmark, mode, threads and every parameter but the system. */
    private static String key(JmhResult r) {
        Map<String, String> others = new TreeMap<>(r.params());
        others.remove(SYSTEM);
        StringBuilder b = new StringBuilder(r.shortName());
        if (r.threads() > 1) {
            b.append(" ×").append(r.threads()).append(" threads");
        }
        if (!others.isEmpty()) {
            b.append(" (");
            others.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(k).append('=')
                    .append(v));
            b.append(')');
        }
        return b.toString();
    }

    static Section render(ReportInputs in, Plots plots) {
        List<Pair> pairs = pairs(in.jmh());
        if (pairs.isEmpty()) {
            return Section.text("_Not in this run: no benchmark ran for both `system=borderid` and "
                    + "`system=sourceafis`._\n");
        }
        MarkdownTable t = new MarkdownTable("benchmark", "measure", ">" + NAMES.get(OURS), ">" + NAMES.get(PEER),
                ">BorderID faster by");
        List<Panel> panels = new ArrayList<>();
        Axis systems = Axis.categories("", List.of(NAMES.get(OURS), NAMES.get(PEER)));
        for (Pair p : pairs) {
            Measure o = p.oursMeasure();
            Measure s = p.peerMeasure();
            t.row("`" + p.name() + "`", o.label(), o.text(), s.text(), Numbers.ratio(o.speedup(s)));
            double scale = scale(Math.max(o.value(), s.value()));
            panels.add(new Panel(p.ours().shortName(), systems, Axis.log(prefix(scale) + o.label(),
                    decadeBelow(Math.min(o.value(), s.value()) / scale),
                    decadeAbove(Math.max(o.value(), s.value()) / scale)),
                    List.of(Series.bars(NAMES.get(OURS), new double[] {0}, new double[] {o.value() / scale}),
                            Series.bars(NAMES.get(PEER), new double[] {1}, new double[] {s.value() / scale})),
                    List.of("BorderID " + Numbers.ratio(o.speedup(s)) + " faster")));
        }
        StringBuilder b = new StringBuilder(t.render()).append('\n');
        sizes(pairs).ifPresent(line -> b.append(line).append("\n\n"));
        b.append(plots.embed(FIGURE, "BorderID vs SourceAFIS")).append('\n');
        Figure figure = Figure.grid("BorderID vs SourceAFIS 3.18.1 (fingerprints)", plots.subtitle(), 3, panels);
        return new Section(b.toString(), List.of(new Plots.Named(FIGURE, figure)));
    }

    /** A divisor that keeps tick labels short: 1, 1,000 or 1,000,000. */
    static double scale(double max) {
        return max >= 1e7 ? 1e6 : max >= 1e4 ? 1e3 : 1;
    }

    static String prefix(double scale) {
        return scale == 1e6 ? "million " : scale == 1e3 ? "thousand " : "";
    }

    /** The power of ten at or below a positive value (bars on a log axis start at the decade below). */
    static double decadeBelow(double v) {
        return v > 0 ? Math.pow(10, Math.floor(Math.log10(v))) : 1e-3;
    }

    /** The power of ten above a positive value, with room for the bar's top. */
    static double decadeAbove(double v) {
        return v > 0 ? Math.pow(10, Math.ceil(Math.log10(v * 1.05))) : 1;
    }

    /** The mean encoded template size of each system, from the codec benchmark's byte counter. */
    private static Optional<String> sizes(List<Pair> pairs) {
        for (Pair p : pairs) {
            Optional<Double> ours = bytesPerOp(p.ours());
            Optional<Double> peer = bytesPerOp(p.peer());
            if (ours.isPresent() && peer.isPresent()) {
                return Optional.of("Mean encoded template size (`" + p.ours().className() + "`, bytes counter / "
                        + "operations): BorderID " + Numbers.figure(ours.get()) + " bytes, SourceAFIS "
                        + Numbers.figure(peer.get()) + " bytes.");
            }
        }
        return Optional.empty();
    }

    /** A trial's byte counter per operation. */
    static Optional<Double> bytesPerOp(JmhResult r) {
        return Counters.perOperation(r, BYTES);
    }
}
