package org.borderid.bench.eval.finger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a harness run measured.
 *
 * @param systems      the systems asked for, in report order
 * @param databases    per-database results, in the order given
 * @param calibrations thresholds per system (empty unless calibration was asked for)
 * @param run          when, where and how the run happened
 */
public record FingerprintReport(List<String> systems, List<DatabaseResult> databases, List<Calibration> calibrations,
        RunInfo run) {
    public FingerprintReport {
        systems = List.copyOf(systems);
        databases = List.copyOf(databases);
        calibrations = List.copyOf(calibrations);
        Objects.requireNonNull(run, "run");
    }

    /**
     * The mean of a system's figures over all databases, or empty when it was unavailable on any of them (a mean over
     * a subset would not compare with the other systems').
     */
    public Optional<FingerprintFigures> mean(String system) {
        List<FingerprintFigures> all = new ArrayList<>();
        for (DatabaseResult db : databases) {
            if (!(db.result(system).orElse(null) instanceof SystemResult.Measured m)) {
                return Optional.empty();
            }
            all.add(m.figures());
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(FingerprintFigures.mean(all));
    }

    /**
     * How the run happened.
     *
     * @param date       ISO-8601 date-time the run started (UTC)
     * @param java       JVM version and vendor
     * @param os         operating system and architecture
     * @param cpu        processor model, where the OS tells it
     * @param processors available processors
     * @param threads    worker threads used for extraction and scoring
     * @param seconds    wall-clock duration of the run
     */
    public record RunInfo(String date, String java, String os, String cpu, int processors, int threads,
            double seconds) {}
}
