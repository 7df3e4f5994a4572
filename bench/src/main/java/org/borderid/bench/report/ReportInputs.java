package org.borderid.bench.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a performance report is generated from. The report is a pure function of these: the same inputs give
 * the same document and plots byte for byte.
 *
 * @param jmh         the JMH trials
 * @param jmhFile     the JMH result file as the report should name it (relative to the repository root)
 * @param machine     the machine record of the JMH run, or null when none was written
 * @param load        the load generator's run, or null
 * @param loadFile    its file as the report should name it, or null
 * @param gallery     measured gallery memory and disk use, or null (then the JMH run's footprint benchmark, if any)
 * @param galleryFile its file as the report should name it, or null
 * @param assumptions what the capacity estimate assumes
 */
public record ReportInputs(List<JmhResult> jmh, String jmhFile, MachineRecord machine, LoadRun load, String loadFile,
        GalleryFootprint gallery, String galleryFile, Assumptions assumptions) {
    public ReportInputs {
        jmh = List.copyOf(jmh);
        Objects.requireNonNull(jmhFile, "jmhFile");
        Objects.requireNonNull(assumptions, "assumptions");
        if ((load == null) != (loadFile == null) || (gallery == null) != (galleryFile == null)) {
            throw new IllegalArgumentException("an input and its file name go together");
        }
    }

    public Optional<MachineRecord> machineRecord() {
        return Optional.ofNullable(machine);
    }

    public Optional<LoadRun> loadRun() {
        return Optional.ofNullable(load);
    }

    /** The given gallery footprint, else the one the JMH run measured ({@link GalleryFootprint#of}), if any. */
    public Optional<GalleryFootprint> galleryFootprint() {
        return gallery != null ? Optional.of(gallery) : GalleryFootprint.of(jmh);
    }

    /** Processors of the benchmark machine: the machine record's, else the load generator's, else 0 (unknown). */
    public int cores() {
        if (machine != null) {
            return machine.cores();
        }
        return load != null ? load.cores() : 0;
    }
}
