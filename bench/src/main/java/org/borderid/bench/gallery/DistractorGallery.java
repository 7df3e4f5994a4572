package org.borderid.bench.gallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.SubjectRecord;
import org.borderid.gallery.engine.CylinderHashes;
import org.borderid.server.cli.gallery.GalleryLoader;
import org.borderid.server.cli.gallery.TemplateFile;

/**
 * Galleries of distractor fingers on disk, built once from a template file and reused: {@code <cache>/gallery-<file>-
 * <count>-s<scheme>}. Subject {@code d-<n>} holds template n of the file at {@link #POSITION}, in list
 * {@value #LIST}. A gallery whose build was interrupted is completed on the next call (the loader skips ids already
 * enrolled); a finished one carries a {@code complete} marker.
 */
public final class DistractorGallery {
    /** Finger position of every distractor (and of the harness's probes and FVC subjects). */
    public static final FingerPosition POSITION = FingerPosition.RIGHT_INDEX;
    static final String LIST = "distractors";
    /** Prefix of the distractor subject ids ({@code d-<n>}). */
    static final String ID_PREFIX = "d-";

    private DistractorGallery() {}

    /** The directory of the gallery of the first {@code count} templates of {@code templates}, built if needed. */
    public static Path build(Path cache, Path templates, long count, int threads, Consumer<String> log) throws Exception {
        String stem = templates.getFileName().toString().replaceAll("\\.[^.]*$", "");
        Path directory = cache.resolve("gallery-" + stem + "-" + count + "-s" + CylinderHashes.SCHEME);
        Path marker = directory.resolve("complete");
        if (Files.exists(marker)) {
            return directory;
        }
        long available = TemplateFile.count(templates);
        if (available < count) {
            throw new IllegalArgumentException(templates + " holds " + available + " templates, fewer than " + count);
        }
        log.accept("building the distractor gallery " + directory + " (" + count + " fingers; built once)");
        try (Gallery gallery = Gallery.open(directory, GalleryLoader.bulkConfig(GalleryConfig.defaults()));
             TemplateFile.Reader reader = TemplateFile.read(templates)) {
            Iterator<GalleryLoader.Item> items = new Iterator<>() {
                private long n;

                @Override
                public boolean hasNext() {
                    return n < count && reader.hasNext();
                }

                @Override
                public GalleryLoader.Item next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    String id = ID_PREFIX + n++;
                    FingerprintTemplate template = reader.next();
                    return new GalleryLoader.Item(id, () -> SubjectRecord.builder(id).agency("synthetic").lists(LIST)
                            .finger(POSITION, template).build());
                }
            };
            GalleryLoader.Result r = GalleryLoader.load(gallery, items, count, threads,
                    GalleryLoader.batchFor(count, threads), System.err);
            log.accept(String.format(java.util.Locale.ROOT, "enrolled %,d distractors at %,.0f subjects/s; merging",
                    r.enrolled(), r.rate()));
            gallery.optimize();
        }
        Files.writeString(marker, "built from " + templates + "\n");
        return directory;
    }

    /** Reads the first {@code count} templates of the file. */
    static FingerprintTemplate[] templates(Path templates, int count) throws Exception {
        FingerprintTemplate[] out = new FingerprintTemplate[count];
        try (TemplateFile.Reader reader = TemplateFile.read(templates)) {
            for (int i = 0; i < count; i++) {
                out[i] = reader.next();
            }
        }
        return out;
    }
}
