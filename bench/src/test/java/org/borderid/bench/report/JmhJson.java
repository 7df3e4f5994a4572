package org.borderid.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes JMH-format result files for tests: trials in JMH 1.37's JSON layout. */
final class JmhJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGE = "org.borderid.bench.jmh.";

    private final ArrayNode trials = JSON.createArrayNode();

    /** A throughput trial (ops/s) over two iterations of one fork. */
    JmhJson throughput(String benchmark, Map<String, String> params, double score, double error,
            Map<String, Double> opsCounters) {
        ObjectNode t = trial(benchmark, "thrpt", 1, params);
        ObjectNode m = metric(score, error, "ops/s");
        m.putArray("rawData").addArray().add(score - error / 2).add(score + error / 2);
        t.set("primaryMetric", m);
        ObjectNode secondary = t.putObject("secondaryMetrics");
        opsCounters.forEach((name, v) -> secondary.set(name, metric(v, Double.NaN, "ops/s")));
        trials.add(t);
        return this;
    }

    /**
     * A sample-time trial (ms/op): {@code n} samples, mean and percentiles as given ({@code p50, p90, p99}), and
     * EVENTS counters (totals).
     */
    JmhJson sample(String benchmark, int threads, Map<String, String> params, double meanMs, double errorMs,
            double p50, double p90, double p99, long n, Map<String, Double> eventCounters) {
        ObjectNode t = trial(benchmark, "sample", threads, params);
        ObjectNode m = metric(meanMs, errorMs, "ms/op");
        ObjectNode pc = m.putObject("scorePercentiles");
        pc.put("0.0", p50 * 0.8).put("50.0", p50).put("90.0", p90).put("95.0", (p90 + p99) / 2).put("99.0", p99)
                .put("100.0", p99 * 1.2);
        ArrayNode histogram = m.putArray("rawDataHistogram").addArray().addArray();
        histogram.addArray().add(p50).add(n / 2);
        histogram.addArray().add(p99).add(n - n / 2);
        t.set("primaryMetric", m);
        ObjectNode secondary = t.putObject("secondaryMetrics");
        eventCounters.forEach((name, v) -> secondary.set(name, metric(v, Double.NaN, "#")));
        secondary.set("p0.50", metric(p50, Double.NaN, "ms/op"));
        trials.add(t);
        return this;
    }

    /** A single-shot trial (ms/op) with EVENTS counters (totals). */
    JmhJson singleShot(String benchmark, Map<String, String> params, double ms, Map<String, Double> eventCounters) {
        ObjectNode t = trial(benchmark, "ss", 1, params);
        ObjectNode m = metric(ms, Double.NaN, "ms/op");
        m.putArray("rawData").addArray().add(ms);
        t.set("primaryMetric", m);
        ObjectNode secondary = t.putObject("secondaryMetrics");
        eventCounters.forEach((name, v) -> secondary.set(name, metric(v, Double.NaN, "#")));
        trials.add(t);
        return this;
    }

    void write(Path file) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(trials));
    }

    private ObjectNode trial(String benchmark, String mode, int threads, Map<String, String> params) {
        ObjectNode t = JSON.createObjectNode();
        t.put("jmhVersion", "1.37").put("benchmark", PACKAGE + benchmark).put("mode", mode).put("threads", threads)
                .put("forks", 2).put("jvm", "/usr/lib/jvm/temurin-25/bin/java").put("jdkVersion", "25.0.3")
                .put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "25.0.3+9-LTS")
                .put("warmupIterations", 4).put("warmupTime", "2 s").put("warmupBatchSize", 1)
                .put("measurementIterations", 5).put("measurementTime", "2 s").put("measurementBatchSize", 1);
        t.putArray("jvmArgs").add("--add-modules").add("jdk.incubator.vector");
        ObjectNode p = t.putObject("params");
        params.forEach(p::put);
        return t;
    }

    private static ObjectNode metric(double score, double error, String unit) {
        ObjectNode m = JSON.createObjectNode();
        m.put("score", score);
        if (Double.isNaN(error)) {
            m.put("scoreError", "NaN");
        } else {
            m.put("scoreError", error);
        }
        m.putArray("scoreConfidence").add(score - (Double.isNaN(error) ? 0 : error)).add(score + (Double.isNaN(
                error) ? 0 : error));
        m.put("scoreUnit", unit);
        return m;
    }
}
