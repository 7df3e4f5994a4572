package org.borderid.bench.gallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.SubjectRecord;
import org.borderid.server.cli.gallery.GalleryLoader;

/**
 * Galleries of synthetic face embeddings ({@link FaceVectors}, seed {@value #SEED}, 128-d) on disk, built once:
 * {@code <cache>/faces-<count>-<encoding>} (uniform model) or {@code <cache>/faces-lfw-<count>-<encoding>} (LFW
 * model); subject {@code f-<i>} holds gallery vector i.
 */
public final class FaceGallery {
    /** Seed of the synthetic embeddings. */
    static final long SEED = 42;
    /** Embedding dimension (MobileFaceNet, SFace). */
    public static final int DIMENSION = 128;

    private FaceGallery() {}

    static FaceVectors vectors(FaceVectors.Model model) {
        return new FaceVectors(model, SEED, DIMENSION);
    }

    /** The directory name of a gallery. */
    static String name(FaceVectors.Model model, int count, FaceVectorEncoding encoding) {
        return "faces-" + (model == FaceVectors.Model.UNIFORM ? "" : model.name().toLowerCase(Locale.ROOT) + "-")
                + count + "-" + encoding.name().toLowerCase(Locale.ROOT) + graphSuffix();
    }

    /**
     * {@code -m<M>-b<beam>} when the HNSW parameters are overridden for an experiment (system properties
     * {@code borderid.gallery.hnsw.m} / {@code .beam}, read by the gallery's codec), so that such galleries are cached
     * apart; empty otherwise.
     */
    static String graphSuffix() {
        String m = System.getProperty("borderid.gallery.hnsw.m");
        String beam = System.getProperty("borderid.gallery.hnsw.beam");
        return m == null && beam == null ? "" : "-m" + (m == null ? "default" : m) + "-b"
                + (beam == null ? "default" : beam);
    }

    /** The configuration the face galleries are opened with. */
    public static GalleryConfig config(FaceVectorEncoding encoding) {
        return GalleryConfig.defaults().withFaceDimension(DIMENSION).withFaceEncoding(encoding);
    }

    /** The directory of the gallery of {@code count} vectors, built if needed and merged into one segment. */
    public static Path build(Path cache, FaceVectors.Model model, int count, FaceVectorEncoding encoding, int threads,
                             Consumer<String> log) throws Exception {
        Path directory = load(cache, model, count, encoding, threads, log);
        merge(directory, encoding, log);
        return directory;
    }

    /**
     * The directory of the gallery of {@code count} vectors, bulk-loaded if needed but not merged: as many segments
     * as the load wrote (the index buffer's worth each, GalleryStore).
     */
    public static Path load(Path cache, FaceVectors.Model model, int count, FaceVectorEncoding encoding, int threads,
                            Consumer<String> log) throws Exception {
        Path directory = cache.resolve(name(model, count, encoding));
        Path marker = directory.resolve("complete");
        if (Files.exists(marker)) {
            return directory;
        }
        log.accept("building the face gallery " + directory + " (" + count + " vectors; built once)");
        FaceVectors vectors = vectors(model);
        // Refresh and commit (each writes a segment) only every 10 min: segments are then as large as the index
        // buffer allows (a graph per segment, rebuilt by every merge); the overlay holds the records of one refresh
        // interval meanwhile.
        GalleryConfig bulk = GalleryLoader.bulkConfig(config(encoding)).withRefreshInterval(Duration.ofMinutes(10));
        try (Gallery gallery = Gallery.open(directory, bulk)) {
            Iterator<GalleryLoader.Item> items = new Iterator<>() {
                private long n;

                @Override
                public boolean hasNext() {
                    return n < count;
                }

                @Override
                public GalleryLoader.Item next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    long i = n++;
                    String id = "f-" + i;
                    return new GalleryLoader.Item(id, () -> SubjectRecord.builder(id).agency("synthetic")
                            .lists("faces").face(vectors.gallery(i)).build());
                }
            };
            GalleryLoader.Result r = GalleryLoader.load(gallery, items, count, threads,
                    GalleryLoader.batchFor(count, threads), System.err);
            gallery.commit();
            log.accept(String.format(Locale.ROOT, "enrolled %,d faces at %,.0f subjects/s (%.0f s), %d segments",
                    r.enrolled(), r.rate(), r.seconds(), segments(directory)));
        }
        Files.writeString(marker, "synthetic faces, model " + model + ", seed " + SEED + "\n");
        return directory;
    }

    /** Merges the gallery into one segment unless it is one already (Lucene's force-merge; minutes at 1M). */
    public static void merge(Path directory, FaceVectorEncoding encoding, Consumer<String> log) {
        int before = segments(directory);
        if (before <= 1) {
            return;
        }
        long start = System.nanoTime();
        try (Gallery gallery = Gallery.open(directory, config(encoding))) {
            gallery.optimize();
        }
        log.accept(String.format(Locale.ROOT, "merged %d segments into one in %.0f s", before,
                (System.nanoTime() - start) / 1e9));
    }

    /** Segments of the gallery's last commit (its segment info files). */
    public static int segments(Path directory) {
        try (Stream<Path> files = Files.list(directory.resolve("index"))) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
