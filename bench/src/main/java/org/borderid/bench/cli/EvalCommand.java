package org.borderid.bench.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;

/** {@code borderid eval <what> ...}: accuracy harnesses, one subcommand per modality. */
final class EvalCommand implements CliCommand {
    private final Map<String, CliCommand> subcommands = new LinkedHashMap<>();

    EvalCommand(List<CliCommand> subcommands) {
        subcommands.forEach(c -> this.subcommands.put(c.name(), c));
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "accuracy harness: eval " + String.join("|", subcommands.keySet()) + " ... (eval <what> --help)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.println("usage: borderid eval <what> [arguments]");
            subcommands.values().forEach(c -> out.printf("  %-14s %s%n", c.name(), c.summary()));
            return args.isEmpty() ? 2 : 0;
        }
        CliCommand sub = subcommands.get(args.get(0));
        if (sub == null) {
            throw new UsageException("unknown evaluation '" + args.get(0) + "' (known: "
                    + String.join(", ", subcommands.keySet()) + ")");
        }
        return sub.run(args.subList(1, args.size()), out, err);
    }
}
