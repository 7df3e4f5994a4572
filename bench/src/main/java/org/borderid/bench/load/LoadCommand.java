package org.borderid.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.server.BorderIdServer;
import org.borderid.server.config.Limits;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.demo.DemoGallery;
import org.borderid.server.security.ApiKeyStore;

/**
 * {@code borderid load}: a bounded load generator for the checkpoint server. For each client count it runs that
 * many closed-loop kiosk clients on loopback for a fixed time and reports throughput and exact p50/p95/p99 latency,
 * as a table and JSON. Without {@code --url} it starts an in-process server with the demo gallery first (so the
 * figures include no network but loopback, and the server shares the machine with the clients: on a 2-core machine
 * the clients' own CPU use is part of the measurement, as it would be for kiosks behind one small host).
 */
public final class LoadCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid load [--url URL --key KEY] [--scenario NAME] [--clients 1,2,4,8] [--duration 30s]
                                 [--warmup 10s] [--json FILE] [--shared DIR] [--data DIR]
              --url URL        a running server (default: start one in-process with the demo gallery)
              --key KEY        a kiosk API key (default: the demo kiosk key)
              --scenario NAME  verify-face-finger (default), verify-finger, verify-face or identify; the server
                               must hold the demo gallery (serve --demo) since the probes are its genuine pairs
              --clients LIST   concurrent clients per step (default 1,2,4,8)
              --duration T     measured time per step: 30s, 2m, 500ms (default 30s)
              --warmup T       unmeasured warm-up with the largest client count first (default 10s)
              --json FILE      also write the results as JSON
              --shared DIR     the shared datasets (default $BORDERID_SHARED or ../shared)
              --data DIR       data folder of the in-process server (default: a temporary folder)""";

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String summary() {
        return "load-test /v1/verify or /v1/identify with N concurrent kiosk clients (p50/p95/p99, throughput)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Map<String, String> o = parse(args);
        Scenario scenario = Scenario.parse(o.getOrDefault("--scenario", "verify-face-finger"));
        List<Integer> clients = clients(o.getOrDefault("--clients", "1,2,4,8"));
        Duration duration = duration(o.getOrDefault("--duration", "30s"));
        Duration warmup = duration(o.getOrDefault("--warmup", "10s"));
        Path shared = DemoGallery.sharedFolder(o.get("--shared"));
        List<byte[]> bodies = scenario.bodies(shared);
        String url = o.get("--url");
        String key = o.getOrDefault("--key", ApiKeyStore.DEMO_KIOSK_KEY);
        BorderIdServer server = null;
        try {
            if (url == null) {
                server = startDemoServer(shared, o.get("--data"), err);
                url = server.url();
            }
            err.printf("load: %s on %s, steps %s x %s s, warm-up %s s%n", scenario.id(), url, clients,
                    duration.toMillis() / 1000.0, warmup.toMillis() / 1000.0);
            int maxClients = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
            if (!warmup.isZero()) {
                LoadStep.run(url, key, scenario, bodies, maxClients, warmup);
            }
            List<Measured> results = new ArrayList<>();
            HttpClient metrics = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int c : clients) {
                Optional<ServerGauges> before = ServerGauges.read(metrics, url);
                LoadStep.Result r = LoadStep.run(url, key, scenario, bodies, c, duration);
                Optional<ServerGauges> after = ServerGauges.read(metrics, url);
                results.add(new Measured(r, ServerGauges.cpuMsPerRequest(before, after, r.latency().count()),
                        after.map(g -> g.loadAverage().orElse(Double.NaN)).orElse(Double.NaN)));
                err.printf("  %d clients: %.1f req/s, p99 %.1f ms, %d errors%n", c, r.throughput(),
                        r.latency().p99Ms(), r.errors());
            }
            printTable(out, scenario, url, duration, results);
            if (o.get("--json") != null) {
                writeJson(Path.of(o.get("--json")), scenario, url, duration, results);
            }
            return results.stream().anyMatch(m -> m.result().errors() > 0) ? 1 : 0;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static BorderIdServer startDemoServer(Path shared, String data, PrintStream err) throws Exception {
        Path folder = data != null ? Path.of(data) : Files.createTempDirectory("borderid-load-");
        Limits l = Limits.DEFAULT;
        // The load generator measures the engines, not the per-key rate limit: lift it for the demo key.
        Limits unlimited = new Limits(l.maxBodyBytes(), l.maxImportBytes(), l.maxImageSide(), l.maxImagePixels(),
                l.maxFingers(), 1e9, 1_000_000, l.workers(), l.queue(), l.requestTimeoutMs(), l.idleTimeoutMs(),
                l.maxPageSize());
        ServerConfig config = DemoGallery.configure(ServerConfig.DEFAULT.withPort(0).withData(folder.toString())
                .withLimits(unlimited), shared);
        BorderIdServer server = BorderIdServer.start(config);
        if (!server.awaitReady(Duration.ofMinutes(5))) {
            String states = server.readiness().snapshot().toString();
            server.close();
            throw new IllegalStateException("the in-process demo server did not become ready: " + states);
        }
        err.println("load: in-process demo server on " + server.url() + " (data " + folder + ")");
        return server;
    }

    /**
     * One measured step with the server's side of it.
     *
     * @param result      what the clients saw
     * @param serverCpuMs server process CPU per completed request, milliseconds (NaN when the server's metrics are
     *                    not readable; includes the clients' own CPU when the server runs in-process)
     * @param loadAverage the machine's one-minute load average at the end of the step (NaN if unknown)
     */
    record Measured(LoadStep.Result result, double serverCpuMs, double loadAverage) {}

    static void printTable(PrintStream out, Scenario scenario, String url, Duration duration,
            List<Measured> results) {
        out.printf("scenario %s, %s, %.0f s per step, %d cores%n", scenario.id(), url, duration.toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors());
        out.printf("%-8s %9s %7s %10s %8s %8s %8s %8s %8s %6s  %s%n", "clients", "requests", "errors", "req/s",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "cpu ms", "load", "outcomes");
        for (Measured m : results) {
            LoadStep.Result r = m.result();
            out.printf(Locale.ROOT, "%-8d %9d %7d %10.1f %8.1f %8.1f %8.1f %8.1f %8.1f %6.1f  %s%n", r.clients(),
                    r.latency().count(), r.errors(), r.throughput(), r.latency().p50Ms(), r.latency().p95Ms(),
                    r.latency().p99Ms(), r.latency().maxMs(), m.serverCpuMs(), m.loadAverage(), r.outcomes());
        }
        out.println("cpu ms: server process CPU per request; load: the machine's 1-minute load average after the step");
    }

    static void writeJson(Path file, Scenario scenario, String url, Duration duration, List<Measured> results)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", scenario.id());
        root.put("url", url);
        root.put("durationSeconds", duration.toMillis() / 1000.0);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Measured m : results) {
            LoadStep.Result r = m.result();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("clients", r.clients());
            s.put("requests", r.latency().count());
            s.put("errors", r.errors());
            s.put("throughput", Math.round(r.throughput() * 10) / 10.0);
            s.put("p50Ms", r.latency().p50Ms());
            s.put("p95Ms", r.latency().p95Ms());
            s.put("p99Ms", r.latency().p99Ms());
            s.put("maxMs", r.latency().maxMs());
            s.put("meanMs", r.latency().meanMs());
            if (Double.isFinite(m.serverCpuMs())) {
                s.put("serverCpuMsPerRequest", Math.round(m.serverCpuMs() * 10) / 10.0);
            }
            if (Double.isFinite(m.loadAverage())) {
                s.put("loadAverage1m", Math.round(m.loadAverage() * 100) / 100.0);
            }
            s.put("statuses", r.statuses());
            s.put("outcomes", r.outcomes());
            steps.add(s);
        }
        root.put("steps", steps);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Map<String, String> parse(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> known = List.of("--url", "--key", "--scenario", "--clients", "--duration", "--warmup", "--json",
                "--shared", "--data");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!known.contains(a)) {
                throw new UsageException("unknown argument " + a + "\n" + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(a + " needs a value");
            }
            o.put(a, args.get(++i));
        }
        if (o.containsKey("--key") && !o.containsKey("--url")) {
            throw new UsageException("--key goes with --url (the in-process server uses the demo key)");
        }
        return o;
    }

    static List<Integer> clients(String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : list.split(",")) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n < 1 || n > 256) {
                    throw new UsageException("client counts are 1..256: " + s);
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new UsageException("--clients takes numbers like 1,2,4,8: " + list);
            }
        }
        return out;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("durations read 30s, 2m or 500ms: " + text);
    }
}
