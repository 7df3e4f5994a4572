package org.borderid.bench.eval.finger;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.borderid.bench.accuracy.ThresholdCalibration;

/**
 * The harness's human-readable output: one row per database and system, then the means (rates in percent), as a
 * fixed-width table for the terminal or as Markdown for the docs.
 */
final class ReportTable {
    private static final String ROW = "%-16s %-11s %8s %10s %11s %8s %7s %10s %10s%n";

    private ReportTable() {}

    static void print(FingerprintReport report, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "database", "system", "EER", "FNMR@1e-2", "FNMR@min", "ZeroFMR", "FTE",
                "extract ms", "cmp/s");
        for (DatabaseResult db : report.databases()) {
            for (SystemResult result : db.systems()) {
                switch (result) {
                    case SystemResult.Measured m -> row(out, db.name(), m.system(), m.figures());
                    case SystemResult.Unavailable u ->
                            out.printf(Locale.ROOT, "%-16s %-11s unavailable: %s%n", db.name(), u.system(), u.reason());
                }
            }
        }
        for (String system : report.systems()) {
            Optional<FingerprintFigures> mean = report.mean(system);
            if (mean.isPresent()) {
                row(out, "mean", system, mean.get());
            } else {
                out.printf(Locale.ROOT, "%-16s %-11s unavailable%n", "mean", system);
            }
        }
        if (!report.databases().isEmpty()) {
            DatabaseResult first = report.databases().get(0);
            out.printf(Locale.ROOT, "FNMR@min = FNMR at FMR <= 1/impostor pairs (1/%d for %s).%n",
                    first.impostorPairs(), first.name());
        }
        for (Calibration c : report.calibrations()) {
            out.printf(Locale.ROOT, "%nthresholds for %s from %d impostor pairs (%d within, %d across databases):%n",
                    c.system(), c.impostorPairs(), c.withinDatabasePairs(), c.crossDatabasePairs());
            for (ThresholdCalibration.Threshold t : c.thresholds()) {
                out.printf(Locale.ROOT, "  FMR %-6s threshold %12.6f  (%d impostors at or above: FMR %.2e)%s%n",
                        String.format(Locale.ROOT, "%.0e", t.targetFmr()), t.threshold(), t.acceptedImpostors(),
                        t.empiricalFmr(), t.resolvable() ? "" : "  NOT RESOLVABLE: too few impostor pairs");
            }
        }
        out.printf(Locale.ROOT, "%nrun: %s, %s, %d threads, %.1f s%n", report.run().date(), report.run().java(),
                report.run().threads(), report.run().seconds());
    }

    /** The same table in Markdown (GitHub tables), with the calibrated thresholds below it if any. */
    static String markdown(FingerprintReport report) {
        StringBuilder md = new StringBuilder();
        md.append("| database | system | EER | FNMR @ FMR 1e-2 | FNMR @ min FMR | ZeroFMR | FTE | extract ms (median) "
                + "| comparisons/s | extract CPU ms | comparisons/CPU s |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DatabaseResult db : report.databases()) {
            for (SystemResult result : db.systems()) {
                switch (result) {
                    case SystemResult.Measured m -> markdownRow(md, db.name(), m.system(), m.figures());
                    case SystemResult.Unavailable u -> md.append("| ").append(db.name()).append(" | ")
                            .append(u.system()).append(" | pending | | | | | | | | |\n");
                }
            }
        }
        for (String system : report.systems()) {
            Optional<FingerprintFigures> mean = report.mean(system);
            if (mean.isPresent()) {
                markdownRow(md, "**mean**", system, mean.get());
            } else {
                md.append("| **mean** | ").append(system).append(" | pending | | | | | | | | |\n");
            }
        }
        for (Calibration c : report.calibrations()) {
            md.append(String.format(Locale.ROOT, "%nThresholds for %s from %,d impostor pairs (%,d within, %,d across "
                    + "databases):%n%n| target FMR | threshold | impostors at or above | empirical FMR |%n"
                    + "|---:|---:|---:|---:|%n", c.system(), c.impostorPairs(), c.withinDatabasePairs(),
                    c.crossDatabasePairs()));
            for (ThresholdCalibration.Threshold t : c.thresholds()) {
                md.append(String.format(Locale.ROOT, "| %.0e | %.4f | %d | %.2e%s |%n", t.targetFmr(), t.threshold(),
                        t.acceptedImpostors(), t.empiricalFmr(), t.resolvable() ? "" : " (not resolvable)"));
            }
        }
        return md.toString();
    }

    private static void markdownRow(StringBuilder md, String db, String system, FingerprintFigures f) {
        md.append("| ").append(db).append(" | ").append(system).append(" | ").append(percent(f.eer())).append(" | ")
                .append(percent(f.fnmrAtFmr1e2())).append(" | ").append(percent(f.fnmrAtMinFmr())).append(" | ")
                .append(percent(f.zeroFmr())).append(" | ").append(percent(f.fte())).append(" | ")
                .append(Double.isNaN(f.extractMsMedian()) ? "-"
                        : String.format(Locale.ROOT, "%.1f", f.extractMsMedian()))
                .append(" | ").append(Double.isNaN(f.comparisonsPerSecond()) ? "-"
                        : String.format(Locale.ROOT, "%,.0f", f.comparisonsPerSecond()))
                .append(" | ").append(Double.isNaN(f.extractCpuMsMedian()) ? "-"
                        : String.format(Locale.ROOT, "%.1f", f.extractCpuMsMedian()))
                .append(" | ").append(Double.isNaN(f.comparisonsPerCpuSecond()) ? "-"
                        : String.format(Locale.ROOT, "%,.0f", f.comparisonsPerCpuSecond()))
                .append(" |\n");
    }

    private static void row(PrintStream out, String db, String system, FingerprintFigures f) {
        out.printf(Locale.ROOT, ROW, db, system, percent(f.eer()), percent(f.fnmrAtFmr1e2()),
                percent(f.fnmrAtMinFmr()), percent(f.zeroFmr()), percent(f.fte()),
                Double.isNaN(f.extractMsMedian()) ? "-" : String.format(Locale.ROOT, "%.1f", f.extractMsMedian()),
                Double.isNaN(f.comparisonsPerSecond()) ? "-"
                        : String.format(Locale.ROOT, "%.0f", f.comparisonsPerSecond()));
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * rate);
    }
}
