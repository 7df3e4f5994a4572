package org.borderid.bench.report;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;

/**
 * {@code borderid bench-report}: turns JMH results (and optionally the load generator's output and a gallery
 * footprint) into {@code docs/performance.md} and its figures. See {@link PerformanceReport}.
 */
public final class BenchReportCommand implements CliCommand {
    static final String DEFAULT_OUT = "docs/performance.md";
    static final String DEFAULT_PLOTS = "docs/performance";

    static final String USAGE = """
            usage: borderid bench-report --jmh FILE [--jmh FILE ...] [--machine FILE] [--load FILE]
                                         [--gallery FILE] [--out FILE.md] [--plots DIR] [--format svg|png]
                                         [--kiosk-seconds S] [--utilisation U] [--node-gib G] [--reserved-gib G]
              --jmh FILE         JMH results (java -jar bench/target/benchmarks.jar -rf json -rff FILE); repeat it
                                 for a suite measured in several runs (each with its own machine record)
              --machine FILE     the run's machine record, with a single --jmh (default: FILE.machine.json beside
                                 each --jmh, written by benchmarks.jar with -rff)
              --load FILE        load generator output (borderid load --json FILE)
              --gallery FILE     measured gallery footprint (heap and disk per subject)
              --out FILE.md      the report (default docs/performance.md)
              --plots DIR        its figures (default docs/performance)
              --format svg|png   figure format (default svg)
              --kiosk-seconds S  capacity assumption: seconds between two transactions of one kiosk (default 15)
              --utilisation U    capacity assumption: planned share of saturated throughput, (0, 1] (default 0.5)
              --node-gib G       capacity assumption: node memory, GiB (default 24)
              --reserved-gib G   capacity assumption: memory kept from the gallery, GiB (default 4)""";

    private static final Set<String> OPTIONS = Set.of("--jmh", "--machine", "--load", "--gallery", "--out",
            "--plots", "--format", "--kiosk-seconds", "--utilisation", "--node-gib", "--reserved-gib");

    @Override
    public String name() {
        return "bench-report";
    }

    @Override
    public String summary() {
        return "performance report: JMH (+ load generator) results -> docs/performance.md with plots";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Map<String, String> o = parse(args);
        if (!o.containsKey("--jmh")) {
            throw new UsageException("--jmh FILE is required\n" + USAGE);
        }
        List<String> jmhFiles = jmhFiles(args);
        if (jmhFiles.size() > 1 && o.containsKey("--machine")) {
            throw new UsageException("--machine goes with a single --jmh (several runs: each record beside its file)");
        }
        String format = o.getOrDefault("--format", "svg");
        if (!format.equals("svg") && !format.equals("png")) {
            throw new UsageException("--format is svg or png: " + format);
        }
        Assumptions assumptions = assumptions(o); // usage errors before reading any file
        List<ReportInputs.JmhRun> runs = new ArrayList<>();
        for (String name : jmhFiles) {
            Path jmhFile = Path.of(name);
            Path machineFile = o.containsKey("--machine") ? Path.of(o.get("--machine"))
                    : MachineRecord.sidecar(jmhFile);
            MachineRecord machine = null;
            if (Files.exists(machineFile)) {
                machine = MachineRecord.read(machineFile);
            } else if (o.containsKey("--machine")) {
                throw new ReportInputException(machineFile, "no such file");
            } else {
                err.println("bench-report: no machine record " + machineFile + "; figures will say the machine is "
                        + "unknown");
            }
            runs.add(new ReportInputs.JmhRun(slashes(name), JmhResults.read(jmhFile), machine));
        }
        LoadRun load = o.containsKey("--load") ? LoadRun.read(Path.of(o.get("--load"))) : null;
        GalleryFootprint gallery = o.containsKey("--gallery") ? GalleryFootprint.read(Path.of(o.get("--gallery")))
                : null;
        ReportInputs in = new ReportInputs(runs, load, o.containsKey("--load") ? slashes(o.get("--load")) : null,
                gallery, o.containsKey("--gallery") ? slashes(o.get("--gallery")) : null, assumptions);
        Path document = Path.of(o.getOrDefault("--out", DEFAULT_OUT));
        Path plots = Path.of(o.getOrDefault("--plots", DEFAULT_PLOTS));
        PerformanceReport report = PerformanceReport.generate(in, link(document, plots), format,
                command(jmhFiles, o));
        List<Path> figures = report.write(document, plots);
        out.println("bench-report: wrote " + document + " and " + figures.size() + " figures in " + plots);
        return 0;
    }

    private static Assumptions assumptions(Map<String, String> o) {
        Assumptions d = Assumptions.DEFAULT;
        try {
            return new Assumptions(number(o, "--kiosk-seconds", d.kioskSeconds()),
                    number(o, "--utilisation", d.utilisation()),
                    (long) (number(o, "--node-gib", d.nodeBytes() / (double) (1L << 30)) * (1L << 30)),
                    (long) (number(o, "--reserved-gib", d.reservedBytes() / (double) (1L << 30)) * (1L << 30)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double number(Map<String, String> o, String option, double fallback) {
        String v = o.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number: " + v);
        }
    }

    /** The plot folder as a link from the document's folder, with {@code /} separators and a trailing one. */
    static String link(Path document, Path plots) {
        Path from = document.toAbsolutePath().normalize().getParent();
        String rel = slashes(from.relativize(plots.toAbsolutePath().normalize()).toString());
        return rel.isEmpty() ? "" : rel + "/";
    }

    /** The command that regenerates the report with these options (repository-relative, in a fixed order). */
    static String command(List<String> jmhFiles, Map<String, String> o) {
        List<String> parts = new ArrayList<>(List.of("./borderid", "bench-report"));
        for (String file : jmhFiles) {
            parts.add("--jmh");
            parts.add(slashes(file));
        }
        for (String option : List.of("--machine", "--load", "--gallery", "--out", "--plots", "--format",
                "--kiosk-seconds", "--utilisation", "--node-gib", "--reserved-gib")) {
            if (o.containsKey(option)) {
                parts.add(option);
                parts.add(slashes(o.get(option)));
            }
        }
        return String.join(" ", parts);
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }

    /** Every {@code --jmh} value, in order (after {@link #parse} checked the arguments). */
    private static List<String> jmhFiles(List<String> args) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals("--jmh")) {
                files.add(args.get(i + 1));
            }
        }
        return files;
    }

    private static Map<String, String> parse(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!OPTIONS.contains(a)) {
                throw new UsageException("unknown argument " + a + "\n" + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(a + " needs a value");
            }
            String value = args.get(++i);
            if (a.equals("--jmh")) {
                o.putIfAbsent(a, value); // repeatable: jmhFiles() lists every one
            } else if (o.put(a, value) != null) {
                throw new UsageException(a + " given twice");
            }
        }
        return o;
    }
}
