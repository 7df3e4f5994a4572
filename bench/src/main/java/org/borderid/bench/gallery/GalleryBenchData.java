package org.borderid.bench.gallery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.borderid.finger.FingerprintTemplate;

/**
 * Where the gallery benchmarks and harnesses keep their data: the cache directory ({@code -Dborderid.gallery.cache},
 * default {@code bench/target/galleries} under the checkout) and the distractor template file
 * ({@code -Dborderid.gallery.distractors}, default {@code <cache>/distractors.bft}).
 */
public final class GalleryBenchData {
    private GalleryBenchData() {}

    public static Path cache() {
        String configured = System.getProperty("borderid.gallery.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("borderid.home", ".")).resolve("bench/target/galleries");
    }

    public static Path distractors() {
        String configured = System.getProperty("borderid.gallery.distractors");
        return configured != null && !configured.isBlank() ? Path.of(configured) : cache().resolve("distractors.bft");
    }

    /** The directory of a cached distractor gallery of {@code size} fingers (built on first use). */
    public static Path fingerGallery(int size) throws Exception {
        return DistractorGallery.build(cache(), distractors(), size, Runtime.getRuntime().availableProcessors(),
                System.err::println);
    }

    /** Probe templates: impression 2 of every FVC dev finger the extractor accepted (extracted once, cached). */
    public static List<FingerprintTemplate> fvcProbes() throws Exception {
        return DevTemplates.load(cache(), Runtime.getRuntime().availableProcessors(), System.err::println).stream()
                .filter(i -> i.impression() == 2).map(DevTemplates.Impression::template).filter(Objects::nonNull)
                .toList();
    }

    /** The directory of a cached synthetic face gallery (built on first use). */
    public static Path faceGallery(int size, org.borderid.gallery.FaceVectorEncoding encoding) throws Exception {
        return FaceGallery.build(cache(), size, encoding, Runtime.getRuntime().availableProcessors(),
                System.err::println);
    }

    /** Probe embeddings for the face gallery of {@code size}: noisy copies of seeded random enrolled vectors. */
    public static float[][] faceProbes(int size, int count) {
        FaceVectors vectors = FaceGallery.vectors();
        java.util.Random random = new java.util.Random(20261126L);
        float[][] probes = new float[count][];
        for (int p = 0; p < count; p++) {
            probes[p] = vectors.probe(random.nextInt(size), p);
        }
        return probes;
    }
}
