package org.borderid.bench.jmh.gallery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.SubjectRecord;
import org.borderid.gallery.engine.Manifest;

/**
 * Builds the synthetic galleries of the 1:N benchmarks into the {@link GalleryCache}: {@code subjects} synthetic
 * subjects ({@link SyntheticSubjects}), enrolled in batches with subjects generated in parallel, then committed and
 * merged into one segment ({@link Gallery#optimize()}, as after any bulk load of a watchlist).
 */
public final class SyntheticGallery {
    /**
     * Version of this build procedure: bump it when the way galleries are built changes, so cached copies are
     * rebuilt.
     */
    static final int BUILD_VERSION = 1;
    /** Subjects per {@link Gallery#enrollAll} call: one journal fsync per batch, a few MB of records in flight. */
    static final int BATCH = 1_000;
    /**
     * The gallery's settings while loading: nothing searches it meanwhile, so new records are made searchable (a
     * Lucene refresh, which flushes a small segment) every 10 s instead of every 100 ms and committed hourly,
     * sparing the bulk load thousands of tiny segments and their merges. Searches open it with the defaults.
     */
    static final GalleryConfig BULK_LOAD = GalleryConfig.defaults().withRefreshInterval(Duration.ofSeconds(10))
            .withCommitInterval(Duration.ofHours(1));
    /** Progress is printed this many times per build. */
    static final int PROGRESS_LINES = 10;

    private SyntheticGallery() {}

    /** The cache key of a gallery of these subjects: its kind, size, seed and everything that shapes it. */
    static GalleryCache.Key key(String kind, long subjects, SyntheticSubjects generator) {
        return new GalleryCache.Key(kind, subjects, generator.seed(), "build v" + BUILD_VERSION + "; gallery format v"
                + Manifest.CURRENT_VERSION + "; " + generator.recipe());
    }

    /**
     * The folder of a gallery of {@code subjects} synthetic subjects, built first if the cache has no current copy.
     *
     * @param log build progress
     */
    public static Path obtain(GalleryCache cache, String kind, long subjects, SyntheticSubjects generator,
            PrintStream log) {
        return cache.obtainUnchecked(key(kind, subjects, generator), folder -> build(folder, subjects, generator, log),
                log);
    }

    private static void build(Path folder, long subjects, SyntheticSubjects generator, PrintStream log) {
        long start = System.nanoTime();
        long every = Math.max(BATCH, subjects / PROGRESS_LINES / BATCH * BATCH);
        try (Gallery gallery = Gallery.open(folder, BULK_LOAD)) {
            for (long first = 0; first < subjects; first += BATCH) {
                long end = Math.min(subjects, first + BATCH);
                List<SubjectRecord> batch = new ArrayList<>(LongStream.range(first, end).parallel()
                        .mapToObj(generator::enrolled).toList());
                gallery.enrollAll(batch);
                if (end % every == 0 || end == subjects) {
                    log.printf("  %,d of %,d subjects enrolled (%.0f s)%n", end, subjects,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            gallery.commit();
            gallery.optimize();
            log.printf("  committed and merged (%.0f s)%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
