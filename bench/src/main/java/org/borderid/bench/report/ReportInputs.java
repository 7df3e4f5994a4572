package org.borderid.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a performance report is generated from. The report is a pure function of these: the same inputs give
 * the same document and plots byte for byte.
 *
 * @param runs        the JMH runs, in the order given (a suite may be measured in parts, e.g. the gallery benchmarks
 *                    at other sizes than the rest); at least one
 * @param load        the load generator's run, or null
 * @param loadFile    its file as the report should name it, or null
 * @param gallery     measured gallery memory and disk use, or null (then the JMH runs' footprint benchmark, if any)
 * @param galleryFile its file as the report should name it, or null
 * @param assumptions what the capacity estimate assumes
 */
public record ReportInputs(List<JmhRun> runs, LoadRun load, String loadFile, GalleryFootprint gallery,
        String galleryFile, Assumptions assumptions) {
    public ReportInputs {
        runs = List.copyOf(runs);
        Objects.requireNonNull(assumptions, "assumptions");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no JMH run");
        }
        if ((load == null) != (loadFile == null) || (gallery == null) != (galleryFile == null)) {
            throw new IllegalArgumentException("an input and its file name go together");
        }
    }

    /** One JMH run: its trials, result file and machine record. */
    public ReportInputs(List<JmhResult> jmh, String jmhFile, MachineRecord machine, LoadRun load, String loadFile,
            GalleryFootprint gallery, String galleryFile, Assumptions assumptions) {
        this(List.of(new JmhRun(jmhFile, jmh, machine)), load, loadFile, gallery, galleryFile, assumptions);
    }

    /**
     * One JMH result file.
     *
     * @param file    the file as the report should name it (relative to the repository root)
     * @param results its trials
     * @param machine its machine record, or null when none was written
     */
    public record JmhRun(String file, List<JmhResult> results, MachineRecord machine) {
        public JmhRun {
            Objects.requireNonNull(file, "file");
            results = List.copyOf(results);
        }

        public Optional<MachineRecord> machineRecord() {
            return Optional.ofNullable(machine);
        }
    }

    /**
     * The trials of every run, in order; a trial of a later run supersedes one of an earlier run with the same
     * benchmark, mode, threads and parameters (re-measuring some benchmarks after a change needs no full re-run), and
     * takes its place in the order.
     */
    public List<JmhResult> jmh() {
        java.util.Map<List<Object>, JmhResult> trials = new java.util.LinkedHashMap<>();
        for (JmhRun run : runs) {
            for (JmhResult r : run.results()) {
                trials.put(List.of(r.benchmark(), r.mode(), r.threads(), r.params()), r);
            }
        }
        return new ArrayList<>(trials.values());
    }

    /** The first run's machine record (the one figures name), or the first recorded one. */
    public Optional<MachineRecord> machineRecord() {
        return runs.stream().map(JmhRun::machine).filter(Objects::nonNull).findFirst();
    }

    public Optional<LoadRun> loadRun() {
        return Optional.ofNullable(load);
    }

    /** The given gallery footprint, else the one the JMH runs measured ({@link GalleryFootprint#of}), if any. */
    public Optional<GalleryFootprint> galleryFootprint() {
        return gallery != null ? Optional.of(gallery) : GalleryFootprint.of(jmh());
    }

    /** Processors of the benchmark machine: the machine record's, else the load generator's, else 0 (unknown). */
    public int cores() {
        Optional<MachineRecord> m = machineRecord();
        if (m.isPresent()) {
            return m.get().cores();
        }
        return load != null ? load.cores() : 0;
    }
}
