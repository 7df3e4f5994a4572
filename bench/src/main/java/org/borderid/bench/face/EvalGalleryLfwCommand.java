package org.borderid.bench.face;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.borderid.bench.gallery.GalleryBenchData;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.FaceQualityPolicy;
import org.borderid.fixtures.lfw.LfwDataset;
import org.borderid.fixtures.lfw.LfwImage;
import org.borderid.gallery.Candidate;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.SubjectFilter;
import org.borderid.gallery.SubjectRecord;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.Core;

/**
 * {@code borderid eval gallery-lfw [lfw folder] [--cache DIR] [--encodings LIST] [--json FILE] [--spectrum FILE]}:
 * the face issue's LFW identification experiment ({@link Identification}: gallery = first image of each person with
 * two or more images, mated probes = their other images, non-mated probes = the people with one image) run through
 * a real {@link Gallery} ({@link Gallery#identifyFace}, HNSW index) next to the exhaustive scan, on the same
 * embeddings. Embedding LFW takes 15–20 minutes of CPU, so the embeddings are cached (biometric data: keep the cache
 * with the datasets, never in the repository). {@code --spectrum} also writes the principal-axis statistics of the
 * embeddings ({@link EmbeddingSpectrum}), the resource of the synthetic face vector model.
 */
public final class EvalGalleryLfwCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid eval gallery-lfw [lfw folder] [options]
              lfw folder         LFW images and View 1 files (default: $BORDERID_SHARED/data/faces/lfw)
              --cache DIR        where the embedding cache and the temporary galleries go
                                 (default bench/target/galleries)
              --encodings LIST   float32,int8 (default both)
              --threads N        capture threads (default: processors)
              --json FILE        write the figures as JSON
              --spectrum FILE    write the embeddings' spectrum (one image per person: principal-axis variances,
                                 mean coordinates, within-identity variances of all same-person image pairs)
            """;

    @Override
    public String name() {
        return "gallery-lfw";
    }

    @Override
    public String summary() {
        return "LFW open-set identification through the gallery index (Gallery.identifyFace) and by exhaustive scan";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Path folder = FaceBenchData.sharedRoot().resolve("data/faces/lfw");
        Path cache = GalleryBenchData.cache();
        List<FaceVectorEncoding> encodings = List.of(FaceVectorEncoding.values());
        int threads = Runtime.getRuntime().availableProcessors();
        Path json = null;
        Path spectrum = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--cache" -> cache = Path.of(value(args, ++i, arg));
                case "--encodings" -> encodings = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(s -> FaceVectorEncoding.valueOf(s.toUpperCase(Locale.ROOT))).toList();
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--spectrum" -> spectrum = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg + "\n" + USAGE);
                    }
                    folder = Path.of(arg);
                }
            }
        }
        LfwDataset dataset = LfwDataset.open(folder);
        LfwCaptures captures = captures(dataset, cache, threads, err);
        Map<String, List<LfwImage>> byPerson = dataset.byPerson();

        Map<String, Object> report = new LinkedHashMap<>();
        err.println("exhaustive identification ...");
        report.put("exhaustive", Identification.run(captures, byPerson, FaceEvaluation.FPIR_TARGETS));
        for (FaceVectorEncoding encoding : encodings) {
            err.println("identification through a " + encoding + " gallery ...");
            report.put("gallery_" + encoding.name().toLowerCase(Locale.ROOT),
                    throughGallery(captures, byPerson, cache, encoding));
        }
        out.printf(Locale.ROOT, "%-16s %8s %7s %10s %8s %14s %10s%n", "search", "gallery", "mated", "non-mated",
                "rank-1", "FNIR@FPIR1e-2", "FPIR");
        for (Map.Entry<String, Object> e : report.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> at = (Map<String, Object>) r.get("at_fpir_1e-2");
            out.printf(Locale.ROOT, "%-16s %8d %7d %10d %8.4f %14.4f %10.4f%n", e.getKey(), r.get("gallery"),
                    r.get("mated_probes"), r.get("non_mated_probes"), r.get("rank1_identification_rate"),
                    at.get("fnir"), at.get("fpir"));
        }
        if (json != null) {
            Files.writeString(json, Json.write(report), StandardCharsets.UTF_8);
            err.println("wrote " + json);
        }
        if (spectrum != null) {
            EmbeddingSpectrum s = spectrum(captures, byPerson);
            Files.writeString(spectrum, s.resourceText(List.of(
                    "Principal-axis statistics of real face embeddings: LFW deep-funneled, 13,233 images, through the",
                    "BorderID face pipeline (YuNet 2023mar detection, 5-point alignment, MobileFaceNet ONNX of",
                    "$BORDERID_SHARED/models/mobilefacenet, flip-averaged, unit length), engine " + engineKey(),
                    "Covariance of the first captured image of each of LFW's people (one vector per identity, as in",
                    "an enrolled gallery); within-identity variance from every pair of captured images of one person.",
                    "Made by: ./borderid eval gallery-lfw --cache /work/gx-data/cache --spectrum <this file>")),
                    StandardCharsets.UTF_8);
            err.printf(Locale.ROOT, "wrote %s: %d vectors, %d mated pairs (mean cosine %.4f); 50/90/99%% of the"
                    + " variance in %d/%d/%d components%n", spectrum, s.vectors(), s.matedPairs(),
                    s.matedCosineMean(), s.componentsFor(0.5), s.componentsFor(0.9), s.componentsFor(0.99));
        }
        return 0;
    }

    /** The engine's configuration for the evaluation: the product defaults on the shared models. */
    static FaceEngineConfig engineConfig(int threads) {
        return FaceEngineConfig.of(FaceBenchData.yunet(), FaceBenchData.mobileFaceNet())
                .withQuality(FaceQualityPolicy.RECOGNITION, false).withMaxConcurrency(threads);
    }

    /** What the cached embeddings depend on. */
    static String engineKey() {
        FaceEngineConfig c = engineConfig(1);
        long modelBytes;
        try {
            modelBytes = Files.size(c.embedder().file());
        } catch (IOException e) {
            modelBytes = -1;
        }
        return c.embedder().name() + "/" + modelBytes + "B/flip=" + c.flipAveraging() + "/detection="
                + c.detectionThreshold() + "/maxSide=" + c.detectionMaxSide();
    }

    static LfwCaptures captures(LfwDataset dataset, Path cache, int threads, PrintStream err) throws Exception {
        Path file = cache.resolve("lfw-captures-mobilefacenet.bin");
        if (Files.isRegularFile(file)) {
            LfwCaptures c = LfwCaptures.read(file, engineKey(), dataset.images());
            if (c != null) {
                err.println("read cached LFW embeddings from " + file);
                return c;
            }
        }
        OpenCvNatives.ensureLoaded();
        Core.setNumThreads(1);
        try (FaceEngine engine = FaceEngine.open(engineConfig(threads))) {
            return LfwCaptures.cached(file, engineKey(), engine, dataset, dataset.images(), threads, err::println);
        }
    }

    /** Enrols the gallery images into a fresh gallery and identifies every probe through it. */
    static Map<String, Object> throughGallery(LfwCaptures captures, Map<String, List<LfwImage>> byPerson, Path cache,
            FaceVectorEncoding encoding) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(cache), "lfw-gallery-");
        try {
            GalleryConfig config = GalleryConfig.defaults().withFaceDimension(captures.dimension())
                    .withFaceEncoding(encoding);
            long[] enrolled = new long[1];
            double[] seconds = new double[1];
            try (Gallery gallery = Gallery.open(dir.resolve("g"), config)) {
                Map<String, Object> r = Identification.run(captures, byPerson, FaceEvaluation.FPIR_TARGETS, g -> {
                    long start = System.nanoTime();
                    List<SubjectRecord> records = new ArrayList<>();
                    for (int position = 0; position < g.length; position++) {
                        if (g[position] >= 0 && captures.captured(g[position])) {
                            records.add(SubjectRecord.builder("g-" + position).agency("lfw").lists("watchlist")
                                    .face(captures.vector(g[position])).build());
                        }
                    }
                    for (int from = 0; from < records.size(); from += 256) {
                        gallery.enrollAll(records.subList(from, Math.min(records.size(), from + 256)));
                    }
                    gallery.refresh();
                    enrolled[0] = records.size();
                    seconds[0] = (System.nanoTime() - start) / 1e9;
                    return probe -> {
                        List<Candidate> top = gallery.identifyFace(captures.vector(probe), SubjectFilter.ALL, 1)
                                .candidates();
                        return top.isEmpty() ? Identification.Top.NONE : new Identification.Top(
                                Integer.parseInt(top.get(0).subjectId().substring(2)), top.get(0).score());
                    };
                });
                r.put("encoding", encoding.name());
                r.put("enrolled", enrolled[0]);
                r.put("enrollment_seconds", seconds[0]);
                return r;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The spectrum of the first captured image of every person, and the within-identity pairs. */
    static EmbeddingSpectrum spectrum(LfwCaptures captures, Map<String, List<LfwImage>> byPerson) {
        List<float[]> samples = new ArrayList<>();
        List<float[][]> pairs = new ArrayList<>();
        for (List<LfwImage> images : byPerson.values()) {
            List<Integer> got = images.stream().map(captures::indexOf).filter(i -> i >= 0 && captures.captured(i))
                    .toList();
            if (got.isEmpty()) {
                continue;
            }
            List<float[]> vectors = got.stream().map(captures::vector).toList();
            samples.add(vectors.get(0));
            for (int a = 0; a < vectors.size(); a++) {
                for (int b = a + 1; b < vectors.size(); b++) {
                    pairs.add(new float[][] {vectors.get(a), vectors.get(b)});
                }
            }
        }
        return EmbeddingSpectrum.measure(samples, pairs);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
