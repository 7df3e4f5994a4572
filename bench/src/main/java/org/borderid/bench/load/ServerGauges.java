package org.borderid.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own CPU time and the machine's load average, read from its Prometheus {@code /metrics} before and
 * after each step: CPU per request is what the server costs independently of how many other processes share the
 * machine, and the load average says how contended the latencies were.
 *
 * @param cpuNanos    {@code process_cpu_time_ns_total}: CPU time of the server process, nanoseconds
 * @param loadAverage {@code system_load_average_1m}: runnable processes averaged over a minute (empty if unknown)
 */
record ServerGauges(double cpuNanos, OptionalDouble loadAverage) {
    private static final Pattern CPU = Pattern.compile("(?m)^process_cpu_time_ns_total\\s+(\\S+)$");
    private static final Pattern LOAD = Pattern.compile("(?m)^system_load_average_1m\\s+(\\S+)$");

    /** The gauges, or empty when the server does not expose them (the figures are then left out). */
    static Optional<ServerGauges> read(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? parse(r.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Parses the Prometheus text format. */
    static Optional<ServerGauges> parse(String metrics) {
        Matcher cpu = CPU.matcher(metrics);
        if (!cpu.find()) {
            return Optional.empty();
        }
        Matcher load = LOAD.matcher(metrics);
        try {
            double l = load.find() ? Double.parseDouble(load.group(1)) : Double.NaN;
            return Optional.of(new ServerGauges(Double.parseDouble(cpu.group(1)),
                    Double.isFinite(l) && l >= 0 ? OptionalDouble.of(l) : OptionalDouble.empty()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Server CPU milliseconds per completed request between two readings, or NaN. */
    static double cpuMsPerRequest(Optional<ServerGauges> before, Optional<ServerGauges> after, long requests) {
        if (before.isEmpty() || after.isEmpty() || requests == 0) {
            return Double.NaN;
        }
        return (after.get().cpuNanos() - before.get().cpuNanos()) / 1e6 / requests;
    }
}
