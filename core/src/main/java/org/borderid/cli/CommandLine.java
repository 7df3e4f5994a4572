package org.borderid.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderid.BorderIdException;

/** Dispatches {@code borderid <command> [args]} to a {@link CliCommand}. */
public final class CommandLine {
    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    public CommandLine(List<? extends CliCommand> commands) {
        for (CliCommand c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    /** Runs the command named by {@code args[0]} and returns its exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        CliCommand command = commands.get(args[0]);
        if (command == null) {
            err.println("borderid: unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        try {
            return command.run(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
        } catch (UsageException e) {
            err.println("borderid " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (BorderIdException e) {
            err.println("borderid " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("borderid " + command.name() + ": failed: " + e);
            return 1;
        }
    }

    private void usage(PrintStream out) {
        out.println("usage: borderid <command> [arguments]");
        out.println();
        for (CliCommand c : commands.values()) {
            out.printf("  %-22s %s%n", c.name(), c.summary());
        }
    }
}
