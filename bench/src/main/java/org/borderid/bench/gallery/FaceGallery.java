package org.borderid.bench.gallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
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

    /** The directory of the gallery of {@code count} vectors, built if needed. */
    public static Path build(Path cache, FaceVectors.Model model, int count, FaceVectorEncoding encoding, int threads,
                             Consumer<String> log) throws Exception {
        Path directory = cache.resolve(name(model, count, encoding));
        Path marker = directory.resolve("complete");
        if (Files.exists(marker)) {
            return directory;
        }
        log.accept("building the face gallery " + directory + " (" + count + " vectors; built once)");
        FaceVectors vectors = vectors(model);
        try (Gallery gallery = Gallery.open(directory, GalleryLoader.bulkConfig(config(encoding)))) {
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
            log.accept(String.format(Locale.ROOT, "enrolled %,d faces at %,.0f subjects/s (%.0f s); merging",
                    r.enrolled(), r.rate(), r.seconds()));
            long start = System.nanoTime();
            gallery.optimize();
            double merge = (System.nanoTime() - start) / 1e9;
            log.accept(String.format(Locale.ROOT, "merged into one segment in %.0f s: %,.0f subjects/s overall",
                    merge, r.enrolled() / (r.seconds() + merge)));
        }
        Files.writeString(marker, "synthetic faces, model " + model + ", seed " + SEED + "\n");
        return directory;
    }
}
