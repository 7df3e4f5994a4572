package org.borderid.bench.jmh.gallery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.LongStream;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.engine.CylinderHashes;
import org.borderid.gallery.engine.Manifest;
import org.borderid.server.cli.gallery.GalleryLoader;

/**
 * Builds the synthetic galleries of the 1:N benchmarks into the {@link GalleryCache}: {@code subjects} synthetic
 * subjects ({@link SyntheticSubjects}), generated and enrolled in batches by one thread per core (the server's bulk
 * loader, {@link GalleryLoader}: each thread computes its subjects' index terms), then committed and merged into one
 * segment ({@link Gallery#optimize()}, as after any bulk load of a watchlist).
 */
public final class SyntheticGallery {
    /**
     * Version of this build procedure: bump it when the way galleries are built changes, so cached copies are
     * rebuilt.
     */
    static final int BUILD_VERSION = 1;
    /**
     * The gallery's settings while loading: nothing searches it meanwhile, so new records are made searchable (a
     * Lucene refresh, which flushes a small segment) every 10 s instead of every 100 ms and committed hourly,
     * sparing the bulk load thousands of tiny segments and their merges. Searches open it with the defaults.
     */
    static final GalleryConfig BULK_LOAD = GalleryConfig.defaults().withRefreshInterval(Duration.ofSeconds(10))
            .withCommitInterval(Duration.ofHours(1));

    private SyntheticGallery() {}

    /** The cache key of a gallery of these subjects: its kind, size, seed and everything that shapes it. */
    static GalleryCache.Key key(String kind, long subjects, SyntheticSubjects generator) {
        return new GalleryCache.Key(kind, subjects, generator.seed(), "build v" + BUILD_VERSION + "; gallery format v"
                + Manifest.CURRENT_VERSION + "; minutiae hash scheme " + CylinderHashes.SCHEME + "; "
                + generator.recipe());
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
        int threads = Runtime.getRuntime().availableProcessors();
        try (Gallery gallery = Gallery.open(folder, BULK_LOAD)) {
            Iterator<GalleryLoader.Item> items = LongStream.range(0, subjects)
                    .mapToObj(i -> new GalleryLoader.Item(SyntheticSubjects.id(i), () -> generator.enrolled(i)))
                    .iterator();
            GalleryLoader.Result r = GalleryLoader.load(gallery, items, subjects, threads,
                    GalleryLoader.batchFor(subjects, threads), log);
            log.printf("  %,d subjects enrolled at %,.0f/s by %d threads (%.0f s)%n", r.enrolled(), r.rate(),
                    threads, (System.nanoTime() - start) / 1e9);
            gallery.commit();
            gallery.optimize();
            log.printf("  committed and merged (%.0f s)%n", (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("building the synthetic gallery in " + folder + " failed: " + e, e);
        }
    }
}
