package org.borderid.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.server.security.ApiKeyInfo;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.IssuedKey;
import org.borderid.server.security.Role;

/**
 * {@code borderid keys create|list|revoke}: API keys of a data folder. A new key is printed once and stored only as
 * a salted hash; a running server picks up changes within a second.
 */
final class KeysCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid keys create --role kiosk|admin|auditor [--label TEXT] [--data DIR]
                   borderid keys list [--data DIR]
                   borderid keys revoke KEY_ID [--data DIR]
              --data DIR   the server's data folder (default borderid-data)""";

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String summary() {
        return "create, list or revoke API keys (stored as salted hashes)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Options o = Options.parse(args.subList(1, args.size()), Set.of("--role", "--label", "--data"), Set.of());
        ApiKeyStore keys = ApiKeyStore.open(Path.of(o.get("--data", ServeCommand.DEFAULT_DATA)));
        switch (args.get(0)) {
            case "create" -> {
                if (o.get("--role") == null || !o.positional().isEmpty()) {
                    throw new UsageException("keys create needs --role kiosk|admin|auditor\n" + USAGE);
                }
                Role role;
                try {
                    role = Role.parse(o.get("--role"));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                IssuedKey key = keys.create(role, o.get("--label", ""));
                out.println(key.secret());
                err.println("Created " + role.id() + " key " + key.keyId()
                        + ". It is shown once: store it now (only its salted hash is kept).");
                return 0;
            }
            case "list" -> {
                out.printf("%-14s %-8s %-26s %-26s %s%n", "KEY_ID", "ROLE", "CREATED", "REVOKED", "LABEL");
                for (ApiKeyInfo k : keys.list()) {
                    out.printf("%-14s %-8s %-26s %-26s %s%n", k.keyId(), k.role().id(), k.created(),
                            k.revoked() == null ? "-" : k.revoked(), k.label());
                }
                return 0;
            }
            case "revoke" -> {
                if (o.positional().size() != 1) {
                    throw new UsageException("keys revoke needs one KEY_ID\n" + USAGE);
                }
                String id = o.positional().get(0);
                if (!keys.revoke(id)) {
                    err.println("borderid keys: no active key " + id);
                    return 1;
                }
                out.println("Revoked key " + id + ".");
                return 0;
            }
            default -> throw new UsageException("unknown keys action '" + args.get(0) + "'\n" + USAGE);
        }
    }
}
