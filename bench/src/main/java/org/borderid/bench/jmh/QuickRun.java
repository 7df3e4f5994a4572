package org.borderid.bench.jmh;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Quick mode ({@code java -jar bench/target/benchmarks.jar -quick}): runs every benchmark once, briefly, to prove that
 * each still sets up, runs and returns a result. CI runs it; its figures mean nothing (no warm-up, one short
 * iteration, one fork, while the machine does other work).
 *
 * <p>Defaults, each replaced by the same JMH option given on the command line: one fork (each benchmark in its own
 * JVM, with the JVM flags of its {@code @Fork}), no warm-up, one measured iteration of {@value #ITERATION_SECONDS}
 * s, the {@link #QUICK_PARAMS quick parameter values} (small galleries), and {@code -D}{@value QuickMode#PROPERTY}
 * {@code =true} on every fork, which makes setups prepare fewer inputs ({@link QuickMode}). JMH options after
 * {@code -quick}
 * select benchmarks ({@code -quick Fingerprint}) or change any of these. A failing benchmark does not stop the run
 * (unless {@code -foe true}): every failure is listed at the end.
 *
 * <p>Exit code 0 when every selected benchmark produced a result for every parameter combination; 1 when the
 * selection is empty or a combination failed (its stack trace is in the output) or produced no result; 2 for invalid
 * options.
 */
public final class QuickRun {
    /** Measured time per benchmark, seconds: long enough for a few calls of the slowest (a kiosk transaction). */
    static final int ITERATION_SECONDS = 1;

    /**
     * {@code @Param} values that quick mode uses unless {@code -p} names the parameter: galleries of 1,000 subjects,
     * smaller than the smallest measured size (10,000), so that a clean checkout builds every benchmark's gallery in
     * seconds even on a busy 2-core CI machine (they are cached between runs).
     */
    public static final Map<String, String> QUICK_PARAMS = Map.of("gallerySize", "1000", "footprintSize", "1000");

    private QuickRun() {}

    /** Runs quick mode with JMH command-line options; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            err.println("benchmarks -quick: " + e.getMessage());
            return 2;
        }
        Options options = options(cli);
        SortedSet<String> expected = expectedTrials(options);
        if (expected.isEmpty()) {
            err.println("benchmarks -quick: no benchmark matches " + options.getIncludes()
                    + " (is the JMH annotation processor configured? see bench/pom.xml)");
            return 1;
        }
        out.println("Quick run of " + expected.size() + " benchmark trials (proof that they run; the figures mean "
                + "nothing)");
        long started = System.nanoTime();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            err.println("benchmarks -quick: FAILED: " + e.getMessage());
            return 1;
        }
        List<String> missing = missing(expected, results);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!missing.isEmpty()) {
            err.printf("benchmarks -quick: FAILED: %d of %d trials gave no result (%.0f s):%n", missing.size(),
                    expected.size(), seconds);
            missing.forEach(m -> err.println("  " + m));
            return 1;
        }
        out.printf("benchmarks -quick: all %d trials ran (%.0f s)%n", expected.size(), seconds);
        return 0;
    }

    /** The command line's options over quick defaults. */
    static Options options(CommandLineOptions cli) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cli);
        if (!cli.getForkCount().hasValue()) {
            b.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            b.warmupIterations(0);
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            b.measurementIterations(1);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            b.measurementTime(TimeValue.seconds(ITERATION_SECONDS));
        }
        List<String> prepend = new ArrayList<>(cli.getJvmArgsPrepend().orElse(List.of()));
        prepend.add("-D" + QuickMode.PROPERTY + "=true");
        b.jvmArgsPrepend(prepend.toArray(String[]::new));
        QUICK_PARAMS.forEach((name, value) -> {
            if (!cli.getParameter(name).hasValue()) {
                b.param(name, value);
            }
        });
        return b.build();
    }

    /**
     * One key per trial the options select: benchmark method, mode and parameter values ({@code -p} values replace
     * the annotated ones), as {@link #trialKey} spells them.
     */
    static SortedSet<String> expectedTrials(Options options) {
        List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        SortedSet<String> keys = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(silent, includes, options.getExcludes())) {
            Collection<Mode> modes = options.getBenchModes().isEmpty() ? List.of(e.getMode())
                    : options.getBenchModes();
            Map<String, String[]> annotated = e.getParams().orElse(Map.of());
            List<Map<String, String>> combinations = List.of(new TreeMap<>());
            for (var param : new TreeMap<>(annotated).entrySet()) {
                Collection<String> values = options.getParameter(param.getKey())
                        .orElse(Arrays.asList(param.getValue()));
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> c : combinations) {
                    for (String v : values) {
                        Map<String, String> extended = new TreeMap<>(c);
                        extended.put(param.getKey(), v);
                        next.add(extended);
                    }
                }
                combinations = next;
            }
            for (Mode mode : modes) {
                for (Map<String, String> c : combinations) {
                    keys.add(trialKey(e.getUsername(), mode, c));
                }
            }
        }
        return keys;
    }

    /** Expected trials without a result (failed, or skipped by JMH). */
    static List<String> missing(Set<String> expected, Collection<RunResult> results) {
        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            if (r.getPrimaryResult() != null && !Double.isNaN(r.getPrimaryResult().getScore())) {
                BenchmarkParams p = r.getParams();
                Map<String, String> params = new TreeMap<>();
                p.getParamsKeys().forEach(k -> params.put(k, p.getParam(k)));
                ran.add(trialKey(p.getBenchmark(), p.getMode(), params));
            }
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(ran);
        return missing;
    }

    /** {@code org.….FooBenchmark.method [thrpt] {size=10000, system=borderid}}. */
    static String trialKey(String benchmark, Mode mode, Map<String, String> params) {
        return benchmark + " [" + mode.shortLabel() + "] " + new TreeMap<>(params);
    }
}
