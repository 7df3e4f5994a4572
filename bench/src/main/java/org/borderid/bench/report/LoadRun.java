package org.borderid.bench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The output of the load generator ({@code borderid load --json FILE}): closed-loop kiosk clients against the HTTP
 * server, one step per client count.
 *
 * @param scenario        what each request does ({@code verify-face-finger}, {@code identify}, ...)
 * @param url             the server measured
 * @param durationSeconds measured time per step, seconds
 * @param cores           processors of the machine that ran the generator
 * @param steps           one per client count, in run order
 */
public record LoadRun(String scenario, String url, double durationSeconds, int cores, List<Step> steps) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LoadRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(url, "url");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no steps");
        }
    }

    /**
     * One client count.
     *
     * @param clients    concurrent closed-loop clients
     * @param requests   requests completed in the measured time
     * @param errors     requests answered with an unexpected status or not at all
     * @param throughput completed requests per second
     * @param p50Ms      median latency, milliseconds (likewise p95, p99, max, mean)
     * @param serverCpuMsPerRequest the server process's CPU time per request, ms (from its metrics), or NaN when the
     *                   load generator did not record it
     * @param loadAverage1m the machine's 1-minute load average during the step, or NaN
     */
    public record Step(int clients, long requests, long errors, double throughput, double p50Ms, double p95Ms,
            double p99Ms, double maxMs, double meanMs, double serverCpuMsPerRequest, double loadAverage1m) {
        /** A step without the server's CPU time and the load average. */
        public Step(int clients, long requests, long errors, double throughput, double p50Ms, double p95Ms,
                double p99Ms, double maxMs, double meanMs) {
            this(clients, requests, errors, throughput, p50Ms, p95Ms, p99Ms, maxMs, meanMs, Double.NaN, Double.NaN);
        }

        public Step {
            if (clients < 1 || requests < 0 || errors < 0) {
                throw new IllegalArgumentException("invalid load step: " + clients + " clients, " + requests
                        + " requests, " + errors + " errors");
            }
        }
    }

    /**
     * Reads the load generator's JSON.
     *
     * @throws ReportInputException if the file is missing or not the load generator's format
     */
    public static LoadRun read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new ReportInputException(file, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        try {
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : root.path("steps")) {
                steps.add(new Step(s.path("clients").asInt(0), s.path("requests").asLong(-1),
                        s.path("errors").asLong(-1), s.path("throughput").asDouble(Double.NaN),
                        s.path("p50Ms").asDouble(Double.NaN), s.path("p95Ms").asDouble(Double.NaN),
                        s.path("p99Ms").asDouble(Double.NaN), s.path("maxMs").asDouble(Double.NaN),
                        s.path("meanMs").asDouble(Double.NaN), s.path("serverCpuMsPerRequest").asDouble(Double.NaN),
                        s.path("loadAverage1m").asDouble(Double.NaN)));
            }
            return new LoadRun(root.path("scenario").asText(null), root.path("url").asText(null),
                    root.path("durationSeconds").asDouble(Double.NaN), root.path("cores").asInt(0), steps);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReportInputException(file, "not load-generator output: " + e.getMessage(), e);
        }
    }
}
