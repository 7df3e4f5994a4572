package org.borderid.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the {@code borderid} command line. Modules contribute commands; each launcher main dispatches
 * with {@link CommandLine}.
 */
public interface CliCommand {
    /** The word that selects this command, e.g. {@code eval}. */
    String name();

    /** One-line description for {@code borderid help}. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args arguments after the command name
     * @return process exit code: 0 success, 1 failure, 2 usage error
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
