package org.borderid.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machine a benchmark run used and how busy it was: what every figure of the performance report names, since
 * absolute numbers mean nothing without it. Written as JSON beside the results ({@link #sidecar}).
 *
 * @param cpu         processor model ({@code /proc/cpuinfo}), or {@code unknown}
 * @param cores       processors available to the JVM
 * @param memoryBytes physical memory, bytes (0 when unknown)
 * @param os          operating system name, version and architecture
 * @param jdk         the JDK running the benchmarks (vendor, version)
 * @param commit      the checkout's git commit, or {@code unknown}
 * @param command     the benchmark command's arguments
 * @param start       when the run started, ISO-8601 UTC ({@code 2026-11-26T10:07:00Z})
 * @param end         when it ended, ISO-8601 UTC
 * @param loadMean    mean 1-minute load average sampled during the run, or −1 when the system gives none
 * @param loadMax     highest sampled 1-minute load average, or −1
 */
public record MachineRecord(String cpu, int cores, long memoryBytes, String os, String jdk, String commit,
        List<String> command, String start, String end, double loadMean, double loadMax) {
    /** Interval between load-average samples, seconds: the 1-minute average moves little faster than that. */
    static final int LOAD_SAMPLE_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public MachineRecord {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        command = List.copyOf(command);
        if (cores < 1 || memoryBytes < 0 || Instant.parse(end).isBefore(Instant.parse(start))) {
            throw new IllegalArgumentException("invalid machine record: " + cores + " cores, " + memoryBytes
                    + " bytes, " + start + ".." + end);
        }
    }

    /** {@code results.json} → {@code results.machine.json} in the same folder. */
    public static Path sidecar(Path results) {
        String name = results.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return results.resolveSibling(base + ".machine.json");
    }

    /** Starts recording a run of {@code command}: notes the time and samples the load until {@link Start#finish}. */
    public static Start start(List<String> command) {
        return new Start(command);
    }

    /** Reads a record. */
    public static MachineRecord read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), MachineRecord.class);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            throw new ReportInputException(file, "not a machine record: " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
    }

    /** {@code 2 cores (Intel(R) Xeon(R) Processor), 23.4 GiB, Linux 6.18 amd64, Temurin 25.0.3}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, %s", cores, cpu,
                memoryBytes / (double) (1L << 30), os, jdk);
    }

    /** A run being recorded. */
    public static final class Start {
        private final List<String> command;
        private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private final DoubleAdder loadSum = new DoubleAdder();
        private final LongAdder loadSamples = new LongAdder();
        private volatile double loadMax = -1;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler");
            t.setDaemon(true);
            return t;
        });

        private Start(List<String> command) {
            this.command = List.copyOf(command);
            sampler.scheduleAtFixedRate(this::sample, 0, LOAD_SAMPLE_SECONDS, TimeUnit.SECONDS);
        }

        private void sample() {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            if (load >= 0) {
                loadSum.add(load);
                loadSamples.increment();
                loadMax = Math.max(loadMax, load);
            }
        }

        /** Stops sampling and describes the machine and the run. */
        public MachineRecord finish() {
            sampler.shutdownNow();
            sample();
            long n = loadSamples.sum();
            double mean = n == 0 ? -1 : Math.round(loadSum.sum() / n * 100) / 100.0;
            return new MachineRecord(MachineProbe.cpuModel(), Runtime.getRuntime().availableProcessors(),
                    MachineProbe.memoryBytes(), MachineProbe.os(), MachineProbe.jdk(), MachineProbe.gitCommit(),
                    command, start.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), mean,
                    Math.round(loadMax * 100) / 100.0);
        }
    }
}
