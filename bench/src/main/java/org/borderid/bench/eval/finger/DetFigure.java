package org.borderid.bench.eval.finger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderid.bench.accuracy.ErrorRates;
import org.borderid.bench.plot.Axis;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.FigureWriter;
import org.borderid.bench.plot.Panel;
import org.borderid.bench.plot.Series;

/**
 * DET plots of a harness run: FNMR against FMR on log axes, one panel per database with every system, then a panel of
 * the mean over databases (FNMR at each FMR averaged vertically over the databases, on a log-spaced FMR grid).
 *
 * <p>FMR = 0 and FNMR = 0 cannot sit on a log axis: they are drawn on the lower border. The gray dashed line is
 * FMR = FNMR; a curve crosses it at its EER.
 */
public final class DetFigure {
    /** Panels per row. */
    private static final int COLUMNS = 3;
    /** Points of the mean curve's log-spaced FMR grid (per decade ≈ 40). */
    private static final int MEAN_GRID_POINTS = 161;

    private DetFigure() {}

    /** Writes the DET figure of a report as .svg or .png. */
    public static void write(FingerprintReport report, Path file) throws IOException {
        FigureWriter.write(of(report), file);
    }

    /** The DET figure of a report. */
    public static Figure of(FingerprintReport report) {
        if (report.databases().isEmpty()) {
            throw new IllegalArgumentException("no database in the report");
        }
        Axis x = Axis.log("FMR (false match rate)", decadeBelow(minNonZero(report, true)), 1).asPercent();
        Axis y = Axis.log("FNMR (false non-match rate)", decadeBelow(minNonZero(report, false)), 1).asPercent();
        List<Panel> panels = new ArrayList<>();
        for (DatabaseResult db : report.databases()) {
            List<Series> series = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            series.add(diagonal(x, y));
            for (SystemResult r : db.systems()) {
                if (r instanceof SystemResult.Measured m) {
                    series.add(curve(m.system(), m.rates()));
                    notes.add(String.format(Locale.ROOT, "%s EER %.2f%%", m.system(), 100 * m.figures().eer()));
                } else {
                    notes.add(r.system() + " unavailable");
                }
            }
            panels.add(new Panel(db.name(), x, y, series, notes));
        }
        if (report.databases().size() > 1) {
            panels.add(meanPanel(report, x, y));
        }
        List<String> unavailable = report.systems().stream().filter(s -> report.databases().stream()
                .noneMatch(db -> db.result(s).orElse(null) instanceof SystemResult.Measured)).toList();
        String subtitle = String.format(Locale.ROOT, "FVC protocol, %d genuine / %d impostor pairs per database; %s",
                report.databases().get(0).genuinePairs(), report.databases().get(0).impostorPairs(),
                report.run().date().substring(0, 10))
                + (unavailable.isEmpty() ? "" : "; unavailable: " + String.join(", ", unavailable));
        return Figure.grid("Fingerprint verification DET", subtitle, COLUMNS, panels);
    }

    private static Series curve(String system, ErrorRates rates) {
        List<ErrorRates.DetPoint> points = rates.detCurve();
        double[] fmr = new double[points.size()];
        double[] fnmr = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            fmr[i] = points.get(i).fmr();
            fnmr[i] = points.get(i).fnmr();
        }
        return Series.line(system, fmr, fnmr);
    }

    private static Series diagonal(Axis x, Axis y) {
        double from = Math.max(x.min(), y.min());
        return Series.reference("FMR = FNMR", new double[] {from, 1}, new double[] {from, 1});
    }

    private static Panel meanPanel(FingerprintReport report, Axis x, Axis y) {
        double[] grid = new double[MEAN_GRID_POINTS];
        double lo = Math.log10(x.min());
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, lo + (0 - lo) * i / (grid.length - 1));
        }
        List<Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        series.add(diagonal(x, y));
        for (String system : report.systems()) {
            List<ErrorRates> all = new ArrayList<>();
            for (DatabaseResult db : report.databases()) {
                if (db.result(system).orElse(null) instanceof SystemResult.Measured m) {
                    all.add(m.rates());
                }
            }
            if (all.size() != report.databases().size()) {
                continue; // a mean over a subset would not compare with the other systems'
            }
            double[] fnmr = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                double sum = 0;
                for (ErrorRates r : all) {
                    sum += r.fnmrAtFmr(grid[i]);
                }
                fnmr[i] = sum / all.size();
            }
            series.add(Series.line(system, grid, fnmr));
            report.mean(system).ifPresent(m ->
                    notes.add(String.format(Locale.ROOT, "%s mean EER %.2f%%", system, 100 * m.eer())));
        }
        return new Panel("mean of " + report.databases().size() + " databases", x, y, series, notes);
    }

    /** Smallest non-zero FMR (or FNMR) step over the databases: 1 / the largest pair count. */
    private static double minNonZero(FingerprintReport report, boolean fmr) {
        int most = 1;
        for (DatabaseResult db : report.databases()) {
            most = Math.max(most, fmr ? db.impostorPairs() : db.genuinePairs());
        }
        return 1.0 / most;
    }

    private static double decadeBelow(double value) {
        return Math.pow(10, Math.floor(Math.log10(value) - 1e-9));
    }
}
