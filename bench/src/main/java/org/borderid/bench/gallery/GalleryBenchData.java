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
        Path distractors = distractors();
        ensureDistractors(distractors, size);
        return DistractorGallery.build(cache(), distractors, size, Runtime.getRuntime().availableProcessors(),
                System.err::println);
    }

    /**
     * Seed of the distractors generated when the distractor file holds too few templates: flow-line synthetic
     * fingers (docs/synthetic-data.md: the model for distractors and speed galleries), impression 1.
     */
    static final long DISTRACTOR_SEED = 7;

    /**
     * Appends synthetic distractors to the file until it holds {@code count} (none when it already does), so the
     * benchmarks run from a clean checkout (the quick run, CI) without a prepared file; thousands per second.
     */
    static void ensureDistractors(Path file, long count) throws java.io.IOException {
        long have = org.borderid.server.cli.gallery.TemplateFile.count(file);
        if (have >= count) {
            return;
        }
        System.err.printf(java.util.Locale.ROOT, "generating %,d synthetic distractors into %s (seed %d)%n",
                count - have, file, DISTRACTOR_SEED);
        if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        org.borderid.fixtures.synth.SyntheticFingerprints synth = org.borderid.fixtures.synth.SyntheticFingerprints
                .builder().seed(DISTRACTOR_SEED).masterModel(org.borderid.fixtures.synth.MasterModel.FLOW_LINES)
                .build();
        try (org.borderid.server.cli.gallery.TemplateFile.Writer out =
                org.borderid.server.cli.gallery.TemplateFile.append(file)) {
            java.util.Iterator<FingerprintTemplate> templates = synth.templates(have, count - have, 1).iterator();
            while (templates.hasNext()) {
                out.write(templates.next());
            }
        }
    }

    /**
     * Mated synthetic probes for the quick run (which skips extracting the FVC databases): impression 2 of the first
     * {@code count} generated distractors ({@link #ensureDistractors}).
     */
    public static List<FingerprintTemplate> syntheticProbes(int count) {
        return org.borderid.fixtures.synth.SyntheticFingerprints.builder().seed(DISTRACTOR_SEED)
                .masterModel(org.borderid.fixtures.synth.MasterModel.FLOW_LINES).build().templates(0, count, 2)
                .toList();
    }

    /** Probe templates: impression 2 of every FVC dev finger the extractor accepted (extracted once, cached). */
    public static List<FingerprintTemplate> fvcProbes() throws Exception {
        return DevTemplates.load(cache(), Runtime.getRuntime().availableProcessors(), System.err::println).stream()
                .filter(i -> i.impression() == 2).map(DevTemplates.Impression::template).filter(Objects::nonNull)
                .toList();
    }

    /** The directory of a cached synthetic face gallery (built on first use). */
    public static Path faceGallery(FaceVectors.Model model, int size, org.borderid.gallery.FaceVectorEncoding encoding)
            throws Exception {
        return FaceGallery.build(cache(), model, size, encoding, Runtime.getRuntime().availableProcessors(),
                System.err::println);
    }

    /** Probe embeddings for the face gallery of {@code size}: noisy copies of seeded random enrolled vectors. */
    public static float[][] faceProbes(FaceVectors.Model model, int size, int count) {
        FaceVectors vectors = FaceGallery.vectors(model);
        java.util.Random random = new java.util.Random(20261126L);
        float[][] probes = new float[count][];
        for (int p = 0; p < count; p++) {
            probes[p] = vectors.probe(random.nextInt(size), p);
        }
        return probes;
    }
}
