package org.borderid.bench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads JMH's JSON result format ({@code -rf json}) into {@link JmhResult}s. */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {}

    /**
     * Reads every trial of a JMH JSON result file, in file order.
     *
     * @throws ReportInputException if the file is missing, not JSON, or not JMH's format
     */
    public static List<JmhResult> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new ReportInputException(file, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        if (root == null || !root.isArray()) {
            throw new ReportInputException(file, "not a JMH result file (expected a JSON array of trials)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                results.add(trial(root.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ReportInputException(file, "trial " + (i + 1) + " is not a JMH result: " + e.getMessage(),
                        e);
            }
        }
        return results;
    }

    private static JmhResult trial(JsonNode t) {
        SortedMap<String, String> params = new TreeMap<>();
        JsonNode p = t.path("params");
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            params.put(e.getKey(), e.getValue().asText());
        }
        SortedMap<String, JmhResult.Metric> secondary = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : t.path("secondaryMetrics").properties()) {
            secondary.put(e.getKey(), metric(e.getValue()));
        }
        return new JmhResult(text(t, "benchmark"), text(t, "mode"), t.path("threads").asInt(1),
                t.path("forks").asInt(0), iterations(t, "warmup"), iterations(t, "measurement"),
                t.path("jdkVersion").asText("unknown"), params, metric(required(t, "primaryMetric")), secondary);
    }

    private static String iterations(JsonNode t, String phase) {
        return t.path(phase + "Iterations").asInt(0) + " × " + t.path(phase + "Time").asText("?");
    }

    private static JmhResult.Metric metric(JsonNode m) {
        SortedMap<Double, Double> percentiles = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : m.path("scorePercentiles").properties()) {
            percentiles.put(Double.parseDouble(e.getKey()), number(e.getValue()));
        }
        return new JmhResult.Metric(number(required(m, "score")), number(m.path("scoreError")),
                text(m, "scoreUnit"), percentiles, samples(m));
    }

    /** Sampled operations (sample mode's histogram counts) or measured iterations (other modes). */
    private static long samples(JsonNode m) {
        long n = 0;
        JsonNode histogram = m.path("rawDataHistogram");
        if (histogram.isArray()) {
            for (JsonNode fork : histogram) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bin : iteration) {
                        n += bin.path(1).asLong(0);
                    }
                }
            }
            return n;
        }
        for (JsonNode fork : m.path("rawData")) {
            n += fork.size();
        }
        return n;
    }

    /** A number JMH may write as a string ({@code "NaN"}, {@code "Infinity"}); NaN when absent. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + n.asText());
            }
        }
        return Double.NaN;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
