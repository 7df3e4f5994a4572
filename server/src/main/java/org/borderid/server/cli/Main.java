package org.borderid.server.cli;

import java.util.List;
import org.borderid.cli.CliCommand;
import org.borderid.cli.CommandLine;
import org.borderid.fixtures.synth.cli.SynthCommand;

/** Entry point of {@code ./borderid} for every command except the bench ones (eval, load, bench-report). */
public final class Main {
    private Main() {}

    /** The commands this entry point offers. */
    public static List<CliCommand> commands() {
        return List.of(new VersionCommand(), new ServeCommand(), new KeysCommand(), new AuditCommand(),
                new DevCertCommand(), new SynthCommand(), new org.borderid.server.cli.gallery.GalleryCommand());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(commands()).run(args, System.out, System.err));
    }
}
