package org.borderid.gallery;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.engine.GalleryEngine;

/**
 * A watchlist gallery: enrolled subjects on disk (an embedded Lucene index with a write-ahead journal), searched 1:N by
 * face and by fingerprints.
 *
 * <pre>{@code
 * try (Gallery gallery = Gallery.open(Path.of("watchlist"), GalleryConfig.defaults())) {
 *     gallery.enroll(SubjectRecord.builder("P-1042").agency("interpol").lists("watchlist")
 *             .face(embedding).finger(FingerPosition.RIGHT_INDEX, template).build());
 *     Identification hits = gallery.identifyFingers(Map.of(FingerPosition.RIGHT_INDEX, probe),
 *             SubjectFilter.inLists("watchlist"), 10);
 * }
 * }</pre>
 *
 * <p><b>Durability.</b> {@link #enroll}, {@link #replace} and {@link #delete} return only when the change is durable:
 * fsynced in the journal, so a crash (even {@code kill -9} or a power cut after the fsync) loses nothing that was
 * acknowledged. Concurrent writers share fsyncs (group commit). <b>Visibility.</b> {@link #get}, {@link #find},
 * {@link #contains}, {@link #list} and {@link #count} see a change as soon as it is admitted (a concurrent reader may
 * see a write that is still being acknowledged); searches see it within {@link GalleryConfig#refreshInterval()} of its
 * acknowledgement (or at once after {@link #refresh()}), except deletions, which searches honour at once.
 *
 * <p>Thread-safe: any number of threads may search, read and write at once. One {@code Gallery} per directory: a
 * second one, in this process or another, gets {@link GalleryLockedException}. Close it to release the directory.
 */
public final class Gallery implements AutoCloseable {
    /** Most candidates a search returns. */
    public static final int MAX_CANDIDATES = 1_000;
    /** Most records a listing page holds. */
    public static final int MAX_PAGE = 1_000;

    private final GalleryEngine engine;

    private Gallery(GalleryEngine engine) {
        this.engine = engine;
    }

    /**
     * Opens the gallery in {@code directory}, creating it if the directory is missing or empty. Replays the journal
     * after a crash.
     *
     * @throws GalleryVersionException   when the gallery was written by a newer format version (nothing is touched)
     * @throws GalleryLockedException    when the gallery is open elsewhere
     * @throws GalleryCorruptedException when the manifest, journal or index is damaged, or the directory holds
     *                                   something else than a gallery (nothing is overwritten)
     * @throws GalleryIOException        for I/O errors
     * @throws IllegalArgumentException  when the configuration's face settings differ from the gallery's
     */
    public static Gallery open(Path directory, GalleryConfig config) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(config, "config");
        return new Gallery(GalleryEngine.open(directory.toAbsolutePath().normalize(), config));
    }

    /**
     * The default configuration with the face settings of the gallery in {@code directory} (read from its manifest),
     * or empty when the directory holds no gallery yet: for tools that open galleries they did not create.
     *
     * @throws GalleryVersionException   when the gallery's format is newer than this software
     * @throws GalleryCorruptedException when the manifest is damaged
     */
    public static java.util.Optional<GalleryConfig> existingConfig(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!org.borderid.gallery.engine.Manifest.existsIn(dir)) {
            return java.util.Optional.empty();
        }
        org.borderid.gallery.engine.Manifest manifest = org.borderid.gallery.engine.Manifest.read(dir);
        return java.util.Optional.of(GalleryConfig.defaults().withFaceDimension(manifest.faceDimension())
                .withFaceEncoding(manifest.faceEncoding()));
    }

    /** Opens with {@link GalleryConfig#defaults()}. */
    public static Gallery open(Path directory) {
        return open(directory, GalleryConfig.defaults());
    }

    /**
     * Enrols a new subject. Returns when durable.
     *
     * @throws DuplicateSubjectException when the id is already enrolled
     * @throws InvalidRecordException    when the face embedding's dimension is not the gallery's
     * @throws GalleryIOException        when the journal cannot be written (then nothing was acknowledged)
     */
    public void enroll(SubjectRecord record) {
        engine.enroll(Objects.requireNonNull(record, "record"));
    }

    /**
     * Enrols several new subjects at once: all are admitted or none (a duplicate id refuses the whole batch), and
     * they share journal fsyncs, which makes bulk loading fast. Returns when all are durable.
     *
     * @throws DuplicateSubjectException when an id is already enrolled or appears twice in the batch
     */
    public void enrollAll(java.util.List<SubjectRecord> records) {
        Objects.requireNonNull(records, "records");
        records.forEach(r -> Objects.requireNonNull(r, "record"));
        engine.enrollAll(java.util.List.copyOf(records));
    }

    /**
     * Replaces an enrolled subject's record (same id). Returns when durable.
     *
     * @throws UnknownSubjectException when the id is not enrolled
     */
    public void replace(SubjectRecord record) {
        engine.replace(Objects.requireNonNull(record, "record"));
    }

    /**
     * Deletes a subject. Returns when durable; from then on searches do not return it.
     *
     * @throws UnknownSubjectException when the id is not enrolled
     */
    public void delete(String id) {
        engine.delete(Objects.requireNonNull(id, "id"));
    }

    /**
     * The subject's record.
     *
     * @throws UnknownSubjectException   when the id is not enrolled
     * @throws GalleryCorruptedException when its stored record fails its checksum
     */
    public SubjectRecord get(String id) {
        return find(id).orElseThrow(() -> new UnknownSubjectException(id));
    }

    /** The subject's record, or empty when the id is not enrolled. */
    public Optional<SubjectRecord> find(String id) {
        return engine.find(Objects.requireNonNull(id, "id"));
    }

    /** Whether the id is enrolled. */
    public boolean contains(String id) {
        return engine.contains(Objects.requireNonNull(id, "id"));
    }

    /**
     * A page of subjects passing the filter, in id order.
     *
     * @param after the {@link SubjectPage#next()} of the previous page, or null for the first page
     * @param limit records per page, 1..{@value #MAX_PAGE}
     */
    public SubjectPage list(SubjectFilter filter, String after, int limit) {
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page size out of range 1.." + MAX_PAGE + ": " + limit);
        }
        return engine.list(filter, after, limit);
    }

    /** Number of enrolled subjects. */
    public long count() {
        return count(SubjectFilter.ALL);
    }

    /** Number of enrolled subjects passing the filter. */
    public long count(SubjectFilter filter) {
        return engine.count(Objects.requireNonNull(filter, "filter"));
    }

    /**
     * Searches the subjects' faces.
     *
     * @param probe  the probe embedding, the gallery's dimension, finite, not all zero (any scale)
     * @param filter which subjects to search
     * @param k      candidates to return, 1..{@value #MAX_CANDIDATES}
     * @return the k subjects with the most similar faces (cosine), best first
     * @throws InvalidRecordException for a bad probe (field {@code probe})
     */
    public Identification identifyFace(float[] probe, SubjectFilter filter, int k) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(filter, "filter");
        checkK(k);
        float[] copy = probe.clone();
        if (copy.length != engine.faceDimension()) {
            throw new InvalidRecordException("probe", "dimension " + copy.length + " does not match the gallery's "
                    + engine.faceDimension());
        }
        java.util.List<InvalidRecordException.Problem> problems = SubjectRecord.checkEmbedding("probe", copy);
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        return engine.identifyFace(copy, filter, k);
    }

    /**
     * Searches the subjects' fingerprints with one or more probe fingers and fuses the scores per subject (the sum
     * of the per-finger matcher scores).
     *
     * @param probes probe templates by finger position, 1..10; a probe at {@link FingerPosition#UNKNOWN} is compared
     *               with every enrolled finger, the others with the fingers at their position
     * @param filter which subjects to search
     * @param k      candidates to return, 1..{@value #MAX_CANDIDATES}
     * @throws InvalidRecordException for a bad probe set (field {@code probes})
     */
    public Identification identifyFingers(Map<FingerPosition, FingerprintTemplate> probes, SubjectFilter filter,
                                          int k) {
        return identifyFingers(probes, filter, k, -1);
    }

    /**
     * {@link #identifyFingers(Map, SubjectFilter, int)} re-scoring a fixed number of index candidates per probe
     * finger instead of the default penetration rule: for evaluating the index's trade-off between hit rate and speed.
     *
     * @param rescoredPerFinger candidates compared with the full matcher per probe finger, 0..100,000, or −1 for the
     *                          default rule
     */
    public Identification identifyFingers(Map<FingerPosition, FingerprintTemplate> probes, SubjectFilter filter,
                                          int k, int rescoredPerFinger) {
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(filter, "filter");
        checkK(k);
        if (rescoredPerFinger < -1 || rescoredPerFinger > 100_000) {
            throw new IllegalArgumentException("rescoredPerFinger out of range -1..100000: " + rescoredPerFinger);
        }
        if (probes.isEmpty() || probes.size() > SubjectRecord.MAX_FINGERS + 1) {
            throw new InvalidRecordException("probes", "needs 1.." + SubjectRecord.MAX_FINGERS + " fingers, got "
                    + probes.size());
        }
        for (Map.Entry<FingerPosition, FingerprintTemplate> e : probes.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidRecordException("probes", "a probe finger without a position or template");
            }
        }
        return engine.identifyFingers(Map.copyOf(probes), filter, k, rescoredPerFinger);
    }

    /** Makes every acknowledged change searchable now, instead of within the refresh interval. */
    public void refresh() {
        engine.refresh();
    }

    /** Commits the index now (also done every {@link GalleryConfig#commitInterval()}), shortening the next replay. */
    public void commit() {
        engine.commit();
    }

    /**
     * Merges the index into one segment: faster searches after a bulk load. Takes minutes for a million fingers and
     * blocks nothing but other merges.
     */
    public void optimize() {
        engine.optimize();
    }

    /**
     * Checks the whole gallery: every index file's checksum, every stored record and template.
     *
     * @return the ids of subjects whose stored data is damaged (empty when all is well)
     * @throws GalleryCorruptedException when an index file is damaged
     */
    public java.util.List<String> verify() {
        return engine.verify();
    }

    /** Sizes: subjects, fingers, faces, bytes on disk, template cache heap. */
    public GalleryStatistics statistics() {
        return engine.statistics();
    }

    /** The gallery's directory. */
    public Path directory() {
        return engine.directory();
    }

    /** Commits, stops the background threads and releases the directory. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    private static void checkK(int k) {
        if (k < 1 || k > MAX_CANDIDATES) {
            throw new IllegalArgumentException("k out of range 1.." + MAX_CANDIDATES + ": " + k);
        }
    }
}
