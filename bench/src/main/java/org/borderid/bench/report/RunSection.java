package org.borderid.bench.report;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The run: machine, date, load, commit and command — what every figure below depends on. */
final class RunSection {
    private RunSection() {}

    /**
     * The machine and date line of every figure's subtitle: the first recorded machine and the date of every run
     * (a suite measured in parts names each part's start).
     */
    static String machineLine(ReportInputs in) {
        Set<String> dates = new LinkedHashSet<>();
        Set<String> machines = new LinkedHashSet<>();
        for (ReportInputs.JmhRun run : in.runs()) {
            run.machineRecord().ifPresent(m -> {
                machines.add(m.describe());
                dates.add(date(m.start()));
            });
        }
        if (machines.isEmpty()) {
            return "machine not recorded (JDK " + jdks(in) + ")";
        }
        return String.join(" / ", machines) + ", " + String.join(" and ", dates);
    }

    static Section render(ReportInputs in) {
        StringBuilder b = new StringBuilder();
        boolean several = in.runs().size() > 1;
        if (several) {
            b.append("The suite was measured in ").append(in.runs().size()).append(" runs, one after the other:\n\n");
        }
        int n = 0;
        for (ReportInputs.JmhRun run : in.runs()) {
            n++;
            if (several) {
                b.append("**Run ").append(n).append("** (`").append(run.file()).append("`, ")
                        .append(run.results().size()).append(" trials)\n\n");
            }
            run.machineRecord().ifPresentOrElse(m -> {
                b.append("- **Machine:** ").append(m.describe()).append(".\n");
                b.append("- **When:** ").append(date(m.start())).append(" to ").append(date(m.end()))
                        .append("; BorderID at commit `").append(m.commit()).append("`.\n");
                b.append("- **Load:** ").append(load(m)).append('\n');
                b.append("- **Command:** `java -jar bench/target/benchmarks.jar");
                m.command().forEach(a -> b.append(' ').append(quote(a)));
                b.append("`\n");
            }, () -> b.append("- **Machine:** not recorded (no machine record beside `").append(run.file())
                    .append("`; JMH reports JDK ").append(jdks(run.results())).append("). Re-run through ")
                    .append("`benchmarks.jar` with `-rf json -rff FILE` to record it.\n"));
            if (several) {
                b.append('\n');
            }
        }
        b.append("- **Results:** ");
        b.append(String.join(", ", in.runs().stream().map(r -> "`" + r.file() + "`").toList()));
        b.append(": ").append(in.jmh().size()).append(" trials");
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
        return jdks(in.jmh());
    }

    private static String jdks(java.util.List<JmhResult> results) {
        Set<String> jdks = new LinkedHashSet<>();
        results.forEach(r -> jdks.add(r.jdk()));
        return jdks.isEmpty() ? "unknown" : String.join(", ", jdks);
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
