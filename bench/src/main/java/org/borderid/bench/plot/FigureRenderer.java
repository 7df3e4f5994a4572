package org.borderid.bench.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderid.bench.plot.Canvas.Anchor;
import org.borderid.bench.plot.Canvas.Stroke;

/** The layout of a {@link Figure}, drawn on any {@link Canvas}: title, legend, then the panel grid. */
final class FigureRenderer {
    /** Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito, "Color Universal Design", 2008), black last. */
    static final List<String> PALETTE =
            List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    private static final double TITLE_HEIGHT = 30;
    private static final double SUBTITLE_HEIGHT = 17;
    private static final double SUBTITLE_SIZE = 12;
    private static final double LEGEND_HEIGHT = 24;
    private static final double MARGIN = 10;
    /** Inside a panel: room for the title above, tick labels and axis titles left and below. */
    private static final double PLOT_TOP = 24;
    private static final double PLOT_LEFT = 58;
    private static final double PLOT_BOTTOM = 40;
    private static final double PLOT_RIGHT = 14;
    /** Points closer than this to the previous drawn point are skipped (pixels): keeps SVGs small, looks identical. */
    private static final double MIN_SEGMENT = 0.5;

    private static final Stroke FRAME = new Stroke("#444444", 1, false);
    private static final Stroke MAJOR_GRID = new Stroke("#d0d0d0", 0.8, false);
    private static final Stroke MINOR_GRID = new Stroke("#ececec", 0.6, false);
    private static final Stroke REFERENCE = new Stroke("#888888", 1, true);
    private static final double LINE_WIDTH = 1.8;
    /** Side of the square marker of a {@link Series.Style#MARKED} point, pixels. */
    private static final double MARKER = 6;
    /** Share of the room between two x units that a group of bars fills (the rest separates the groups). */
    private static final double BAR_GROUP_WIDTH = 0.7;

    private FigureRenderer() {}

    static int width(Figure f) {
        return (int) Math.ceil(2 * MARGIN + f.columns() * f.panelWidth());
    }

    static int height(Figure f) {
        return (int) Math.ceil(2 * MARGIN + header(f) + f.rows() * f.panelHeight());
    }

    private static double header(Figure f) {
        return TITLE_HEIGHT + subtitleLines(f).size() * SUBTITLE_HEIGHT + LEGEND_HEIGHT;
    }

    /** The subtitle broken at spaces into lines that fit the figure's width (estimated 0.6 em per character). */
    static List<String> subtitleLines(Figure f) {
        List<String> lines = new ArrayList<>();
        int maxChars = (int) Math.max(20, (width(f) - 2 * MARGIN) / (SUBTITLE_SIZE * 0.6));
        StringBuilder line = new StringBuilder();
        for (String word : f.subtitle().split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > maxChars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static void draw(Figure f, Canvas c) {
        c.rect(0, 0, width(f), height(f), "#ffffff", null);
        double y = MARGIN + 20;
        c.text(width(f) / 2.0, y, f.title(), 17, Anchor.MIDDLE, true, false);
        for (String line : subtitleLines(f)) {
            y += SUBTITLE_HEIGHT;
            c.text(width(f) / 2.0, y, line, SUBTITLE_SIZE, Anchor.MIDDLE, false, false);
        }
        legend(f, c, y + LEGEND_HEIGHT - 4);
        double top = MARGIN + header(f);
        for (int i = 0; i < f.panels().size(); i++) {
            double px = MARGIN + (i % f.columns()) * f.panelWidth();
            double py = top + (i / f.columns()) * f.panelHeight();
            panel(f, f.panels().get(i), c, px, py);
        }
    }

    /**
     * One row of entries, each as wide as its label (estimated 0.6 em per character) up to 150 units, centred: six
     * short names fit a two-panel figure.
     */
    private static void legend(Figure f, Canvas c, double baseline) {
        List<String> names = f.legend();
        double[] widths = new double[names.size()];
        double total = 0;
        for (int i = 0; i < names.size(); i++) {
            widths[i] = Math.min(150, 28 + 6 + names.get(i).length() * 13 * 0.6 + 16);
            total += widths[i];
        }
        double ex = width(f) / 2.0 - total / 2;
        for (int i = 0; i < names.size(); i++) {
            Stroke s = new Stroke(color(f, names.get(i)), 2.5, false);
            c.polyline(new double[] {ex, ex + 28}, new double[] {baseline - 4, baseline - 4}, 2, s);
            c.text(ex + 34, baseline, names.get(i), 13, Anchor.START, false, false);
            ex += widths[i];
        }
    }

    private static String color(Figure f, String name) {
        int index = f.legend().indexOf(name);
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    private static void panel(Figure f, Panel p, Canvas c, double px, double py) {
        double left = px + PLOT_LEFT;
        double top = py + PLOT_TOP;
        double w = f.panelWidth() - PLOT_LEFT - PLOT_RIGHT;
        double h = f.panelHeight() - PLOT_TOP - PLOT_BOTTOM;
        c.text(left + w / 2, py + 16, p.title(), 13, Anchor.MIDDLE, true, false);
        grid(p, c, left, top, w, h);
        c.clip(left, top, w, h);
        bars(f, p, p.series().stream().filter(s -> s.style() == Series.Style.BARS).toList(), c, left, top, w, h);
        for (Series s : p.series()) {
            Stroke stroke = switch (s.style()) {
                case LINE, MARKED -> new Stroke(color(f, s.name()), LINE_WIDTH, false);
                case DASHED -> new Stroke(color(f, s.name()), LINE_WIDTH, true);
                case REFERENCE -> REFERENCE;
                case BARS -> null;
            };
            if (stroke != null) {
                series(p, s, c, left, top, w, h, stroke);
            }
            if (s.style() == Series.Style.MARKED) {
                markers(p, s, c, left, top, w, h, color(f, s.name()));
            }
        }
        c.unclip();
        c.rect(left, top, w, h, null, FRAME);
        for (int i = 0; i < p.notes().size(); i++) {
            c.text(left + w - 6, top + 15 + 14 * i, p.notes().get(i), 11, Anchor.END, false, false);
        }
        c.text(left + w / 2, top + h + 34, p.x().label(), 12, Anchor.MIDDLE, false, false);
        c.text(px + 14, top + h / 2, p.y().label(), 12, Anchor.MIDDLE, false, true);
    }

    private static void grid(Panel p, Canvas c, double left, double top, double w, double h) {
        List<Double> minor = new ArrayList<>();
        for (double v : p.x().minorTicks()) {
            double x = left + p.x().fraction(v) * w;
            Collections.addAll(minor, x, top, x, top + h);
        }
        for (double v : p.y().minorTicks()) {
            double y = top + h - p.y().fraction(v) * h;
            Collections.addAll(minor, left, y, left + w, y);
        }
        c.segments(minor.stream().mapToDouble(Double::doubleValue).toArray(), MINOR_GRID);
        List<Double> major = new ArrayList<>();
        for (double v : p.x().majorTicks()) {
            double x = left + p.x().fraction(v) * w;
            Collections.addAll(major, x, top, x, top + h);
            c.text(x, top + h + 15, p.x().format(v), 10.5, Anchor.MIDDLE, false, false);
        }
        for (double v : p.y().majorTicks()) {
            double y = top + h - p.y().fraction(v) * h;
            Collections.addAll(major, left, y, left + w, y);
            c.text(left - 5, y + 4, p.y().format(v), 10.5, Anchor.END, false, false);
        }
        c.segments(major.stream().mapToDouble(Double::doubleValue).toArray(), MAJOR_GRID);
    }

    /**
     * Draws the bar series of a panel: each bar from the y axis's floor to its point; the bars sharing an x value
     * stand side by side, centred on it, the group {@link #BAR_GROUP_WIDTH} of one x unit wide.
     */
    private static void bars(Figure f, Panel p, List<Series> bars, Canvas c, double left, double top, double w,
            double h) {
        double unit = w / (p.x().max() - p.x().min()); // pixels per x unit (bars go on linear x axes)
        double floor = p.y().scale() == Axis.Scale.LOG ? p.y().min() : Math.max(p.y().min(), Math.min(0, p.y().max()));
        double y0 = top + h - p.y().fraction(floor) * h;
        Map<Double, List<double[]>> groups = new TreeMap<>(); // x -> (series index, y) in series order
        for (int s = 0; s < bars.size(); s++) {
            Series series = bars.get(s);
            for (int i = 0; i < series.size(); i++) {
                if (!Double.isNaN(series.xAt(i)) && !Double.isNaN(series.yAt(i))) {
                    groups.computeIfAbsent(series.xAt(i), k -> new ArrayList<>())
                            .add(new double[] {s, series.yAt(i)});
                }
            }
        }
        groups.forEach((x, group) -> {
            double barWidth = unit * BAR_GROUP_WIDTH / group.size();
            double start = left + p.x().fraction(x) * w - unit * BAR_GROUP_WIDTH / 2;
            for (int k = 0; k < group.size(); k++) {
                double y = top + h - p.y().fraction(group.get(k)[1]) * h;
                c.rect(start + k * barWidth, Math.min(y, y0), barWidth, Math.abs(y0 - y),
                        color(f, bars.get((int) group.get(k)[0]).name()), null);
            }
        });
    }

    /** A filled square on each point of a series. */
    private static void markers(Panel p, Series s, Canvas c, double left, double top, double w, double h,
            String color) {
        for (int i = 0; i < s.size(); i++) {
            double fx = p.x().fraction(s.xAt(i));
            double fy = p.y().fraction(s.yAt(i));
            if (!Double.isNaN(fx) && !Double.isNaN(fy)) {
                c.rect(left + fx * w - MARKER / 2, top + h - fy * h - MARKER / 2, MARKER, MARKER, color, null);
            }
        }
    }

    /** Draws a series, breaking it at NaN points and skipping points that would not move the pen visibly. */
    private static void series(Panel p, Series s, Canvas c, double left, double top, double w, double h,
            Stroke stroke) {
        double[] xs = new double[s.size()];
        double[] ys = new double[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            double fx = p.x().fraction(s.xAt(i));
            double fy = p.y().fraction(s.yAt(i));
            if (Double.isNaN(fx) || Double.isNaN(fy)) {
                c.polyline(xs, ys, n, stroke);
                n = 0;
                continue;
            }
            double x = left + fx * w;
            double y = top + h - fy * h;
            boolean last = i == s.size() - 1;
            if (n > 0 && !last && Math.hypot(x - xs[n - 1], y - ys[n - 1]) < MIN_SEGMENT) {
                continue;
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }
        c.polyline(xs, ys, n, stroke);
    }
}
