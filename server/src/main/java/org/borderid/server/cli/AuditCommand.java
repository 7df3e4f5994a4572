package org.borderid.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.audit.AuditVerification;

/**
 * {@code borderid audit verify [--data DIR]}: checks the audit log's hash chain and head checkpoint. Exit 0 when
 * intact; 1 naming the first bad line on any edit, removal, reordering or truncation.
 */
final class AuditCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid audit verify [--data DIR]
              --data DIR   the server's data folder (default borderid-data)""";

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "verify the audit log's hash chain (exit 1 on any tampering)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (!args.get(0).equals("verify")) {
            throw new UsageException("unknown audit action '" + args.get(0) + "'\n" + USAGE);
        }
        Options o = Options.parse(args.subList(1, args.size()), Set.of("--data"), Set.of());
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0) + "\n" + USAGE);
        }
        Path data = Path.of(o.get("--data", ServeCommand.DEFAULT_DATA));
        AuditVerification v = AuditLog.verify(data);
        Path log = data.resolve(AuditLog.FOLDER).resolve(AuditLog.FILE_NAME);
        if (v.ok()) {
            out.println("audit log " + log + ": OK, " + v.entries() + " entries; head seq " + v.headSeq() + " hash "
                    + v.headHash());
            return 0;
        }
        err.println("audit log " + log + ": FAILED at line " + v.badLine() + ": " + v.problem());
        err.println(v.entries() + " entries before it verified; last good entry seq " + v.headSeq() + " hash "
                + v.headHash());
        if (v.tornTail()) {
            err.println("An incomplete last line not covered by the head checkpoint is what a crash during a write "
                    + "leaves (never acknowledged); the server moves it aside when it starts.");
        }
        return 1;
    }
}
