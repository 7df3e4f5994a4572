package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderid.bench.plot.Axis;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.Panel;
import org.borderid.bench.plot.Series;

/**
 * 1:N identification: latency percentiles vs gallery size for every sample-time benchmark with a
 * {@value #GALLERY_SIZE} parameter, with the search's counters per search (candidates scanned, re-scored).
 */
final class IdentificationSection {
    static final String FIGURE = "identification-latency";
    /** The {@code @Param} holding the gallery size (subjects). */
    static final String GALLERY_SIZE = "gallerySize";
    /** The EVENTS counter of searches; every other EVENTS counter is shown per search. */
    static final String SEARCHES = "searches";
    /** Percentiles shown and plotted. */
    static final double[] PERCENTILES = {50, 90, 99};

    private IdentificationSection() {}

    static Section render(ReportInputs in, Plots plots) {
        Map<String, List<JmhResult>> groups = groups(in.jmh());
        if (groups.isEmpty()) {
            return Section.text("_Not in this run: no sample-time benchmark with a `" + GALLERY_SIZE
                    + "` parameter._\n");
        }
        MarkdownTable t = new MarkdownTable("benchmark", ">gallery", ">searches/s (1 thread)", ">p50 ms", ">p90 ms",
                ">p99 ms", "per search");
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<String, List<JmhResult>> g : groups.entrySet()) {
            List<JmhResult> rs = g.getValue();
            double[] sizes = new double[rs.size()];
            double[][] latency = new double[PERCENTILES.length][rs.size()];
            double maxMs = 0;
            double minMs = Double.MAX_VALUE;
            for (int i = 0; i < rs.size(); i++) {
                JmhResult r = rs.get(i);
                double toMs = TimeUnits.toMillis(r.primary().unit());
                sizes[i] = size(r);
                for (int p = 0; p < PERCENTILES.length; p++) {
                    latency[p][i] = r.primary().percentile(PERCENTILES[p]).orElse(Double.NaN) * toMs;
                    if (Double.isFinite(latency[p][i]) && latency[p][i] > 0) {
                        maxMs = Math.max(maxMs, latency[p][i]);
                        minMs = Math.min(minMs, latency[p][i]);
                    }
                }
                double perSecond = r.threads() * 1000 / (r.primary().score() * toMs);
                t.row("`" + g.getKey() + "`", Numbers.size((long) sizes[i]), Numbers.figure(perSecond),
                        Numbers.figure(latency[0][i]), Numbers.figure(latency[1][i]), Numbers.figure(latency[2][i]),
                        counters(r));
            }
            List<Series> series = new ArrayList<>();
            for (int p = 0; p < PERCENTILES.length; p++) {
                series.add(Series.marked("p" + (int) PERCENTILES[p], sizes, latency[p]));
            }
            double lo = minMs == Double.MAX_VALUE ? 0.1 : minMs;
            double hi = maxMs > 0 ? maxMs : 1;
            Axis y = Axis.log("ms per search", Math.pow(10, Math.floor(Math.log10(lo))),
                    Math.pow(10, Math.ceil(Math.log10(hi * 1.01))));
            // 0.99: a size that is a power of ten starts a decade lower, so its point is not on the frame
            Axis x = Axis.log("gallery size (subjects)", Math.pow(10, Math.floor(Math.log10(sizes[0] * 0.99))),
                    Math.pow(10, Math.ceil(Math.log10(sizes[sizes.length - 1] * 1.01))));
            panels.add(new Panel(g.getKey().replace("Benchmark.", "."), x, y, series, List.of()));
        }
        StringBuilder b = new StringBuilder(t.render()).append('\n');
        b.append(plots.embed(FIGURE, "1:N latency percentiles vs gallery size")).append('\n');
        Figure figure = Figure.grid("1:N identification latency vs gallery size", plots.subtitle(), 2, panels);
        return new Section(b.toString(), List.of(new Plots.Named(FIGURE, figure)));
    }

    /** Sample-time trials with a gallery size, by benchmark (and other parameters), each sorted by size. */
    static Map<String, List<JmhResult>> groups(List<JmhResult> results) {
        Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (r.mode().equals(JmhResult.SAMPLE_TIME) && r.param(GALLERY_SIZE).isPresent()) {
                groups.computeIfAbsent(name(r), k -> new ArrayList<>()).add(r);
            }
        }
        groups.values().forEach(l -> l.sort(Comparator.comparingDouble(IdentificationSection::size)));
        return groups;
    }

    private static String name(JmhResult r) {
        Map<String, String> others = new TreeMap<>(r.params());
        others.remove(GALLERY_SIZE);
        StringBuilder b = new StringBuilder(r.shortName());
        if (r.threads() > 1) {
            b.append(" ×").append(r.threads()).append(" threads");
        }
        others.forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
        return b.toString();
    }

    private static double size(JmhResult r) {
        return Double.parseDouble(r.param(GALLERY_SIZE).orElseThrow());
    }

    /** Every EVENTS counter but the searches, per search: {@code candidates 1,200; rescored 50}. */
    private static String counters(JmhResult r) {
        List<String> parts = new ArrayList<>();
        for (String name : r.secondary().keySet()) {
            if (!name.equals(SEARCHES)) {
                Counters.ratio(r, name, SEARCHES).ifPresent(v -> parts.add(name + " " + Numbers.figure(v)));
            }
        }
        return parts.isEmpty() ? "" : String.join("; ", parts);
    }
}
