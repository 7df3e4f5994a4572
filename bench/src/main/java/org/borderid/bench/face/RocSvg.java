package org.borderid.bench.face;

import java.util.List;
import java.util.Locale;

/**
 * Writes a ROC plot (true accept rate against false accept rate, log x axis) as a standalone SVG. Small on purpose:
 * one or more curves, optional labelled points.
 */
final class RocSvg {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    /** A curve: rows {far, tar}. */
    record Curve(String label, double[][] points) {}

    /** A labelled operating point. */
    record Marker(String label, double far, double tar) {}

    private RocSvg() {}

    static String render(String title, List<Curve> curves, List<Marker> markers) {
        double minFar = 1e-6;
        double minTar = 1;
        for (Curve c : curves) {
            for (double[] p : c.points()) {
                if (p[0] >= minFar) {
                    minTar = Math.min(minTar, p[1]);
                }
            }
        }
        double yMin = Math.max(0, Math.floor((minTar - 0.01) * 20) / 20); // multiple of 0.05 below the curves
        if (yMin >= 1) {
            yMin = 0.95;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double logMin = Math.log10(minFar);
        double y0 = yMin;
        java.util.function.DoubleUnaryOperator x = far -> LEFT + (Math.log10(Math.max(far, minFar)) - logMin)
                / -logMin * plotW;
        java.util.function.DoubleUnaryOperator y = tar -> TOP + (1 - (tar - y0) / (1 - y0)) * plotH;

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"14\">%s</text>%n", LEFT,
                escape(title)));
        for (int e = (int) logMin; e <= 0; e++) {
            double gx = x.applyAsDouble(Math.pow(10, e));
            s.append(line(gx, TOP, gx, TOP + plotH, "#ddd"));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">1e%d</text>%n",
                    gx, TOP + plotH + 18, e));
        }
        double step = (1 - yMin) > 0.3 ? 0.1 : (1 - yMin) > 0.1 ? 0.05 : 0.01;
        for (double t = Math.ceil(yMin / step - 1e-9) * step; t <= 1 + 1e-9; t += step) {
            double gy = y.applyAsDouble(t);
            s.append(line(LEFT, gy, LEFT + plotW, gy, "#ddd"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
                    LEFT - 6, gy + 4, t));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">false accept rate "
                + "(log)</text>%n", LEFT + plotW / 2, HEIGHT - 18));
        s.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %.1f)\">true accept rate</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        for (int c = 0; c < curves.size(); c++) {
            String colour = COLOURS[c % COLOURS.length];
            StringBuilder path = new StringBuilder();
            String last = "";
            for (double[] p : curves.get(c).points()) {
                if (p[0] < minFar || p[1] < yMin) {
                    continue;
                }
                String point = String.format(Locale.ROOT, "%.1f %.1f", x.applyAsDouble(p[0]), y.applyAsDouble(p[1]));
                if (!point.equals(last)) { // one vertex per distinct pixel position
                    path.append(path.isEmpty() ? "M" : " L").append(point);
                    last = point;
                }
            }
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    path, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>%n",
                    LEFT + plotW - 330.0, TOP + plotH - 12 - 16.0 * (curves.size() - 1 - c), colour,
                    escape(curves.get(c).label())));
        }
        for (Marker m : markers) {
            if (m.far() < minFar || m.tar() < yMin) {
                continue;
            }
            double mx = x.applyAsDouble(m.far());
            double my = y.applyAsDouble(m.tar());
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#333\"/>%n", mx, my));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", mx + 6, my + 14,
                    escape(m.label())));
        }
        return s.append("</svg>\n").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, colour);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
