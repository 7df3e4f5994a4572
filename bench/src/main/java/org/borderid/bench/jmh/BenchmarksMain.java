package org.borderid.bench.jmh;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.borderid.bench.report.MachineRecord;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Main class of {@code bench/target/benchmarks.jar}: JMH's own command line, plus
 * <ul>
 *   <li>{@code -quick [JMH options]}: {@link QuickRun}, every benchmark briefly, failing on any error (CI);</li>
 *   <li>with {@code -rf json -rff FILE}: a record of the machine and of the run's time and load written beside the
 *       results ({@link MachineRecord#sidecar}), which {@code borderid bench-report} prints with every figure.</li>
 * </ul>
 * Anything else goes unchanged to {@link org.openjdk.jmh.Main}.
 */
public final class BenchmarksMain {
    /** The argument that selects quick mode; it must come first. */
    public static final String QUICK = "-quick";

    private BenchmarksMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals(QUICK);
        String[] jmhArgs = quick ? Arrays.copyOfRange(args, 1, args.length) : args;
        Path machine = machineSidecar(jmhArgs);
        MachineRecord.Start start = MachineRecord.start(List.of(args));
        int exit = 0;
        if (quick) {
            exit = QuickRun.run(jmhArgs, System.out, System.err);
        } else {
            org.openjdk.jmh.Main.main(jmhArgs);
        }
        if (machine != null) {
            start.finish().write(machine);
            System.out.println("Machine and run recorded in " + machine);
        }
        System.exit(exit);
    }

    /**
     * Where to record the machine: beside a JSON result file, or null when results are not written as JSON (or the
     * options are invalid: JMH reports that itself).
     */
    static Path machineSidecar(String[] args) {
        try {
            CommandLineOptions options = new CommandLineOptions(args);
            if (options.getResult().hasValue()
                    && options.getResultFormat().orElse(ResultFormatType.CSV) == ResultFormatType.JSON) {
                return MachineRecord.sidecar(Path.of(options.getResult().get()));
            }
            return null;
        } catch (CommandLineOptionException e) {
            return null;
        }
    }
}
