package org.borderid.bench.report;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The run: machine, date, load, commit and command — what every figure below depends on. */
final class RunSection {
    private RunSection() {}

    /** The machine and date line of every figure's subtitle. */
    static String machineLine(ReportInputs in) {
        return in.machineRecord().map(m -> m.describe() + ", " + date(m.start()))
                .orElseGet(() -> "machine not recorded (JDK " + jdks(in) + ")");
    }

    static Section render(ReportInputs in) {
        StringBuilder b = new StringBuilder();
        in.machineRecord().ifPresentOrElse(m -> {
            b.append("- **Machine:** ").append(m.describe()).append(".\n");
            b.append("- **When:** ").append(date(m.start())).append(" to ").append(date(m.end()))
                    .append("; BorderID at commit `").append(m.commit()).append("`.\n");
            b.append("- **Load:** ").append(load(m)).append('\n');
            b.append("- **Command:** `java -jar bench/target/benchmarks.jar");
            m.command().forEach(a -> b.append(' ').append(quote(a)));
            b.append("`\n");
        }, () -> b.append("- **Machine:** not recorded (no machine record beside `").append(in.jmhFile())
                .append("`; JMH reports JDK ").append(jdks(in)).append("). Re-run through `benchmarks.jar` with ")
                .append("`-rf json -rff FILE` to record it.\n"));
        b.append("- **Results:** `").append(in.jmhFile()).append("`: ").append(in.jmh().size())
                .append(" trials");
        if (in.loadRun().isPresent()) {
            b.append("; load generator `").append(in.loadFile()).append('`');
        }
        if (in.galleryFile() != null) {
            b.append("; gallery footprint `").append(in.galleryFile()).append('`');
        }
        b.append(".\n");
        return Section.text(b.toString());
    }

    private static String load(MachineRecord m) {
        if (m.loadMean() < 0) {
            return "not available on this system.";
        }
        String figures = String.format(Locale.ROOT, "1-minute load average %.1f on average, %.1f at most, on %d "
                + "cores", m.loadMean(), m.loadMax(), m.cores());
        if (m.loadMean() > m.cores()) {
            return figures + ". **The machine was busy with other work**: figures are slower and noisier than on a "
                    + "quiet machine, and even ratios between trials run at different times may be off. Use them for "
                    + "direction only.";
        }
        return figures + " (a quiet run stays near the benchmark's own thread count: 1 for most trials, up to 4 for "
                + "the kiosk trials).";
    }

    /** {@code 2026-11-26 10:07 UTC} from an ISO instant. */
    static String date(String instant) {
        return instant.replace('T', ' ').replaceFirst(":\\d\\d(\\.\\d+)?Z$", " UTC");
    }

    private static String jdks(ReportInputs in) {
        Set<String> jdks = new LinkedHashSet<>();
        in.jmh().forEach(r -> jdks.add(r.jdk()));
        return jdks.isEmpty() ? "unknown" : String.join(", ", jdks);
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
