package org.borderid.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.server.tls.DevCertificate;

/** {@code borderid dev-cert}: a self-signed development certificate and key (PEM) for {@code serve --tls-*}. */
final class DevCertCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid dev-cert [--out DIR] [--hosts NAME,NAME,...] [--days N]
              --out DIR     folder for cert.pem and key.pem (default: current folder)
              --hosts LIST  host names and IP addresses it is valid for (default localhost,127.0.0.1,::1)
              --days N      validity in days (default 90)
            Development only: clients must pin this certificate to trust it.""";

    @Override
    public String name() {
        return "dev-cert";
    }

    @Override
    public String summary() {
        return "create a self-signed TLS certificate and key for development";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Options o = Options.parse(args, Set.of("--out", "--hosts", "--days"), Set.of());
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0) + "\n" + USAGE);
        }
        List<String> hosts = o.get("--hosts") == null ? DevCertificate.DEFAULT_NAMES
                : Arrays.stream(o.get("--hosts").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (hosts.isEmpty()) {
            throw new UsageException("--hosts needs at least one name");
        }
        int days = o.intValue("--days", (int) DevCertificate.DEFAULT_VALIDITY.toDays(), 1, 3650);
        DevCertificate.Written w = DevCertificate.write(Path.of(o.get("--out", ".")), hosts, Duration.ofDays(days));
        out.println("certificate: " + w.certificate());
        out.println("private key: " + w.privateKey() + " (owner-readable only)");
        out.println("serve with:  ./borderid serve --tls-cert " + w.certificate() + " --tls-key " + w.privateKey());
        err.println("Development only: a self-signed certificate; never use it in production.");
        return 0;
    }
}
