package org.borderid.bench.cli;

import java.util.List;
import org.borderid.bench.eval.finger.EvalFingerprintsCommand;
import org.borderid.bench.face.EvalFacesCommand;
import org.borderid.bench.report.BenchReportCommand;
import org.borderid.bench.load.LoadCommand;
import org.borderid.cli.CliCommand;
import org.borderid.cli.CommandLine;

/** Entry point of {@code ./borderid eval|load|bench-report}: the accuracy harness, load generator and reports. */
public final class BenchMain {
    private BenchMain() {}

    public static List<CliCommand> commands() {
        return List.of(new EvalCommand(List.of(new EvalFingerprintsCommand(), new EvalFacesCommand(),
                new org.borderid.bench.gallery.EvalGalleryFingersCommand(),
                new org.borderid.bench.gallery.MinutiaeIndexSweep(),
                new org.borderid.bench.gallery.EvalGalleryFacesCommand(),
                new org.borderid.bench.face.EvalGalleryLfwCommand())),
                new LoadCommand(), new BenchReportCommand());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(commands()).run(args, System.out, System.err));
    }
}
