package org.borderid.bench.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderid.bench.plot.Axis;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.Panel;
import org.borderid.bench.plot.Series;

/**
 * The ROC of a face evaluation: true accept rate against false accept rate (log axis) on the test people's pairs,
 * with the calibrated operating points listed as notes. Written with {@link org.borderid.bench.plot.FigureWriter}
 * (SVG or PNG).
 */
final class RocFigure {
    /** Lowest FAR shown: 1e-6, below the 1/6.8 million resolution of LFW View 1's test people. */
    static final double MIN_FAR = 1e-6;

    private RocFigure() {}

    /**
     * @param title      figure title
     * @param label      the curve's legend entry
     * @param roc        rows {far, tar} ({@link ScoreHistogram#roc})
     * @param operating  rows {threshold, far, tar} of the calibrated operating points
     * @param pointNames their names, e.g. {@code FMR 1e-3}
     */
    static Figure of(String title, String label, double[][] roc, double[][] operating, List<String> pointNames) {
        List<double[]> kept = new ArrayList<>();
        double minTar = 1;
        for (double[] p : roc) {
            if (p[0] >= MIN_FAR) {
                kept.add(p);
                minTar = Math.min(minTar, p[1]);
            }
        }
        double[] far = kept.stream().mapToDouble(p -> p[0]).toArray();
        double[] tar = kept.stream().mapToDouble(p -> p[1]).toArray();
        double yMin = Math.max(0, Math.floor((minTar - 0.005) * 20) / 20); // a multiple of 5% below the curve
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < operating.length; i++) {
            notes.add(String.format(Locale.ROOT, "%s: threshold %.3f, FAR %.1e, TAR %.2f%%", pointNames.get(i),
                    operating[i][0], operating[i][1], 100 * operating[i][2]));
        }
        Panel panel = new Panel("", Axis.log("FAR (false accept rate)", MIN_FAR, 1).asPercent(),
                Axis.linear("TAR (true accept rate)", yMin, 1).asPercent(), List.of(Series.line(label, far, tar)),
                notes);
        return new Figure(title, "", 1, 720, 440, List.of(panel));
    }
}
