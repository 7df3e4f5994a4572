package org.borderid.bench.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.gallery.Candidate;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.Identification;
import org.borderid.gallery.SubjectFilter;

/**
 * {@code borderid eval gallery-faces [--count N] [--encodings LIST] [--probes P] [--cache DIR] [--json FILE]}: the
 * face index against an exact scan on synthetic embeddings ({@link FaceVectors}): recall@10 (share of the exact ten
 * nearest neighbours the index returns), mate@1 (the probe's own subject first) and single-threaded search latency.
 */
public final class EvalGalleryFacesCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid eval gallery-faces [options]
              --count N          gallery size (default 1000000)
              --model M          lfw (vectors with the statistics of real MobileFaceNet embeddings of LFW, default)
                                 or uniform (uniformly random unit vectors: the worst case)
              --encodings LIST   float32,int8 (default both)
              --probes P         probes, each a noisy copy of a random enrolled vector (default 500)
              --cache DIR        where galleries are kept (default bench/target/galleries); built once, reused
              --threads N        threads for building and the exact scan (default: processors)
              --requested LIST   candidates requested from the gallery per search, comma-separated (default 10);
                                 recall is measured on the best 10 of them: a value above 10 shows what asking
                                 the graph for more candidates buys (the tuning curve in docs/gallery.md)
              --segments S       1 (default): force-merge the gallery into one segment before measuring;
                                 loaded: measure it as the bulk load left it (several segments), no merge
              --build-only       only build (and with --segments 1 merge) the galleries, measure nothing: the
                                 slow part, to run outside the measurement lock
              --json FILE        write the figures as JSON
            """;
    static final int K = 10;
    private static final long PROBE_SEED = 7;

    /** Figures of one encoding. */
    record Figures(String model, String encoding, int segments, int requested, int gallery, int probes, double recallAt10, double mateAt1, double exactMateAt1, double medianMs,
                   double p99Ms, long diskBytes) {}

    @Override
    public String name() {
        return "gallery-faces";
    }

    @Override
    public String summary() {
        return "face index recall@10 against an exact scan, and latency, on synthetic 128-d embeddings";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        int count = 1_000_000;
        int probes = 500;
        FaceVectors.Model model = FaceVectors.Model.LFW;
        List<FaceVectorEncoding> encodings = new ArrayList<>(List.of(FaceVectorEncoding.values()));
        Path cache = GalleryBenchData.cache();
        int threads = Runtime.getRuntime().availableProcessors();
        Path json = null;
        List<Integer> requested = List.of(K);
        boolean merge = true;
        boolean buildOnly = false;
        args = new ArrayList<>(args);
        buildOnly = args.remove("--build-only");
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new UsageException(args.get(i) + " needs a value");
            }
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--count" -> count = Integer.parseInt(v);
                case "--model" -> model = FaceVectors.Model.parse(v);
                case "--probes" -> probes = Integer.parseInt(v);
                case "--encodings" -> encodings = Arrays.stream(v.split(","))
                        .map(s -> FaceVectorEncoding.valueOf(s.toUpperCase(Locale.ROOT))).toList();
                case "--cache" -> cache = Path.of(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--json" -> json = Path.of(v);
                case "--segments" -> merge = switch (v) {
                    case "1" -> true;
                    case "loaded" -> false;
                    default -> throw new UsageException("--segments is 1 or loaded, got " + v);
                };
                case "--requested" -> requested = Arrays.stream(v.split(",")).map(Integer::parseInt)
                        .filter(r -> r >= K).toList();
                default -> throw new UsageException("unknown option " + args.get(i));
            }
        }
        Files.createDirectories(cache);
        if (buildOnly) {
            for (FaceVectorEncoding encoding : encodings) {
                Path dir = FaceGallery.load(cache, model, count, encoding, threads, err::println);
                if (merge) {
                    FaceGallery.merge(dir, encoding, err::println);
                }
                out.println(dir + ": " + FaceGallery.segments(dir) + " segments");
            }
            return 0;
        }
        FaceVectors vectors = FaceGallery.vectors(model);
        Random random = new Random(PROBE_SEED);
        int[] mates = new int[probes];
        float[][] probeVectors = new float[probes][];
        for (int p = 0; p < probes; p++) {
            mates[p] = random.nextInt(count);
            probeVectors[p] = vectors.probe(mates[p], p);
        }
        err.println("exact top-" + K + " of " + probes + " probes over " + count + " vectors ...");
        int[][] exact = exactTopK(vectors, count, probeVectors, threads);
        int exactMateFirst = 0;
        for (int p = 0; p < probes; p++) {
            exactMateFirst += exact[p][0] == mates[p] ? 1 : 0;
        }
        List<Figures> figures = new ArrayList<>();
        for (FaceVectorEncoding encoding : encodings) {
            Path dir = FaceGallery.load(cache, model, count, encoding, threads, err::println);
            if (merge) {
                FaceGallery.merge(dir, encoding, err::println);
            }
            int segments = FaceGallery.segments(dir);
            try (Gallery gallery = Gallery.open(dir, FaceGallery.config(encoding).withReadOnly(true))) {
                for (int ask : requested) {
                    for (int p = 0; p < Math.min(probes, 100); p++) { // warm-up
                        gallery.identifyFace(probeVectors[p], SubjectFilter.ALL, ask);
                    }
                    double recall = 0;
                    int mateFirst = 0;
                    double[] ms = new double[probes];
                    for (int p = 0; p < probes; p++) {
                        long start = System.nanoTime();
                        Identification r = gallery.identifyFace(probeVectors[p], SubjectFilter.ALL, ask);
                        ms[p] = (System.nanoTime() - start) / 1e6;
                        List<String> ids = r.candidates().stream().limit(K).map(Candidate::subjectId).toList();
                        recall += Arrays.stream(exact[p]).filter(i -> ids.contains("f-" + i)).count() / (double) K;
                        if (!ids.isEmpty() && ids.get(0).equals("f-" + mates[p])) {
                            mateFirst++;
                        }
                    }
                    Arrays.sort(ms);
                    figures.add(new Figures(model.name(), encoding.name(), segments, ask, count, probes, recall / probes,
                            (double) mateFirst / probes, (double) exactMateFirst / probes, ms[probes / 2],
                            ms[Math.min(probes - 1, (int) Math.ceil(0.99 * probes) - 1)],
                            gallery.statistics().diskBytes()));
                }
            }
        }
        out.printf(Locale.ROOT, "%-8s %-8s %4s %9s %10s %7s %10s %8s %10s %11s %11s %12s%n", "model", "encoding", "segs", "requested", "gallery",
                "probes", "recall@10", "mate@1", "exact m@1", "ms p50", "ms p99", "disk B/subj");
        for (Figures f : figures) {
            out.printf(Locale.ROOT, "%-8s %-8s %4d %9d %,10d %7d %10.4f %8.4f %10.4f %11.2f %11.2f %12.0f%n", f.model(),
                    f.encoding(), f.segments(),
                    f.requested(), f.gallery(),
                    f.probes(), f.recallAt10(), f.mateAt1(), f.exactMateAt1(), f.medianMs(), f.p99Ms(),
                    (double) f.diskBytes() / f.gallery());
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
            err.println("wrote " + json);
        }
        return 0;
    }

    /** The exact K nearest gallery vectors (by cosine) of each probe, best first. */
    private static int[][] exactTopK(FaceVectors vectors, int count, float[][] probes, int threads) throws Exception {
        float[][] gallery = new float[count][];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> gallery[i] = vectors.gallery(i)))
                    .get();
            int[][] out = new int[probes.length][];
            pool.submit(() -> IntStream.range(0, probes.length).parallel().forEach(p -> {
                int[] best = new int[K];
                double[] score = new double[K];
                Arrays.fill(score, Double.NEGATIVE_INFINITY);
                for (int i = 0; i < count; i++) {
                    double s = 0;
                    float[] g = gallery[i];
                    for (int k = 0; k < g.length; k++) {
                        s += probes[p][k] * g[k];
                    }
                    if (s > score[K - 1]) {
                        int j = K - 1;
                        while (j > 0 && score[j - 1] < s) {
                            score[j] = score[j - 1];
                            best[j] = best[j - 1];
                            j--;
                        }
                        score[j] = s;
                        best[j] = i;
                    }
                }
                out[p] = best;
            })).get();
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
