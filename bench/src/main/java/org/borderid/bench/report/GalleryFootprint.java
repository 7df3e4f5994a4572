package org.borderid.bench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Measured memory and disk use of galleries of several sizes: what the capacity estimate turns into subjects per
 * node. Per-subject figures are the slope between the two largest galleries, so fixed costs (an empty index, the
 * JVM) cancel out.
 *
 * @param method   how the figures were measured (printed in the report)
 * @param galleries one entry per measured gallery
 */
public record GalleryFootprint(String method, List<Entry> galleries) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public GalleryFootprint {
        Objects.requireNonNull(method, "method");
        galleries = galleries.stream().sorted(Comparator.comparingLong(Entry::subjects)).toList();
        if (galleries.isEmpty()) {
            throw new IllegalArgumentException("no gallery measured");
        }
    }

    /**
     * One measured gallery.
     *
     * @param subjects          enrolled subjects
     * @param facesPerSubject   face embeddings per subject (0 or 1)
     * @param fingersPerSubject finger templates per subject (0..10)
     * @param heapBytes         live heap with the gallery open and searched once (after a full GC), bytes
     * @param diskBytes         the gallery's files on disk, bytes
     */
    public record Entry(long subjects, int facesPerSubject, int fingersPerSubject, long heapBytes, long diskBytes) {
        public Entry {
            if (subjects < 1 || facesPerSubject < 0 || facesPerSubject > 1 || fingersPerSubject < 0
                    || fingersPerSubject > 10 || heapBytes < 0 || diskBytes < 0) {
                throw new IllegalArgumentException("invalid gallery entry: " + subjects + " subjects, "
                        + facesPerSubject + " faces, " + fingersPerSubject + " fingers, " + heapBytes + " B heap, "
                        + diskBytes + " B disk");
            }
        }
    }

    /** The largest gallery measured. */
    public Entry largest() {
        return galleries.get(galleries.size() - 1);
    }

    /** Heap bytes per subject: slope between the two largest galleries, or the largest's average if it is alone. */
    public double heapPerSubject() {
        return slope(Entry::heapBytes);
    }

    /** Disk bytes per subject, likewise. */
    public double diskPerSubject() {
        return slope(Entry::diskBytes);
    }

    private double slope(java.util.function.ToLongFunction<Entry> bytes) {
        Entry big = largest();
        if (galleries.size() == 1) {
            return bytes.applyAsLong(big) / (double) big.subjects();
        }
        Entry small = galleries.get(galleries.size() - 2);
        if (small.subjects() == big.subjects()) {
            return bytes.applyAsLong(big) / (double) big.subjects();
        }
        double perSubject = (bytes.applyAsLong(big) - bytes.applyAsLong(small))
                / (double) (big.subjects() - small.subjects());
        return Math.max(0, perSubject);
    }

    /** The footprint benchmark's class; its counters are totals over iterations, divided by {@code runs}. */
    public static final String BENCHMARK = "GalleryFootprintBenchmark";

    /** The footprint measured by {@value #BENCHMARK} in a JMH run, if it ran. */
    public static Optional<GalleryFootprint> of(List<JmhResult> results) {
        List<Entry> entries = new ArrayList<>();
        for (JmhResult r : results) {
            if (!r.className().equals(BENCHMARK)) {
                continue;
            }
            Optional<Double> subjects = Counters.ratio(r, "subjects", "runs");
            Optional<Double> heap = Counters.ratio(r, "heapBytes", "runs");
            Optional<Double> disk = Counters.ratio(r, "diskBytes", "runs");
            Optional<Double> faces = Counters.ratio(r, "faces", "runs");
            Optional<Double> fingers = Counters.ratio(r, "fingers", "runs");
            if (subjects.isPresent() && subjects.get() >= 1 && heap.isPresent() && disk.isPresent()
                    && faces.isPresent() && fingers.isPresent()) {
                long n = Math.round(subjects.get());
                entries.add(new Entry(n, (int) Math.round(faces.get() / n), (int) Math.round(fingers.get() / n),
                        Math.max(0, Math.round(heap.get())), Math.round(disk.get())));
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new GalleryFootprint(
                "`" + BENCHMARK + "`: live heap after opening and searching the gallery and a full collection, "
                        + "minus the heap before opening; the gallery's files on disk", entries));
    }

    /** Reads a footprint file. */
    public static GalleryFootprint read(Path file) {
        try {
            return JSON.readValue(file.toFile(), GalleryFootprint.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ReportInputException(file, "not a gallery footprint: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
    }
}
