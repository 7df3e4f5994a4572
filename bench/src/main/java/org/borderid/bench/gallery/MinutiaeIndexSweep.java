package org.borderid.bench.gallery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.engine.CylinderHashes;
import org.borderid.gallery.engine.MinutiaeIndexSearch;
import org.borderid.server.cli.gallery.TemplateFile;

/**
 * {@code borderid eval minutiae-sweep --distractors FILE [--count N]}: where the minutiae index's scoring constants
 * come from. Simulates the index in memory with the gallery's own terms ({@link CylinderHashes}) and compares
 * candidate scores by the list hit rate they reach at fixed penetration rates, without the re-scoring stage (which
 * only re-orders the list). Gallery: impression 1 of every FVC dev finger plus N synthetic distractors; mated probes:
 * impressions 2–8 (560). A probe hits at penetration p if a mate ranks among the best ⌈p·size⌉ fingers (ties count
 * against it). Also reports the postings each variant visits per probe, the index stage's cost.
 */
public final class MinutiaeIndexSweep implements CliCommand {
    static final String USAGE = """
            usage: borderid eval minutiae-sweep --distractors FILE [--count N] [--cache DIR]
              --distractors FILE   template file of distractor fingers (TemplateFile format); missing or short
                                   files are filled with synthetic FLOW_LINES distractors (seed 7)
              --count N            distractors (default 100000); memory ≈ 20 KB per finger (hashes, postings): give 4 GB for 100k
              --cache DIR          where the extracted FVC templates are cached (default bench/target/galleries)
            """;

    private static final double[] PENETRATIONS = {0.001, 0.0025, 0.005, 0.01, 0.02, 0.05};

    /**
     * A scoring variant: how a shared term is weighted (IDF or 1), which terms are skipped as too common (document
     * frequency above a share of the gallery, and above the gallery's floor {@link MinutiaeIndexSearch#STOP_MIN_FINGERS}),
     * and the exponent of the cylinder-count
     * normalisation. {@code maxPerCylinder} is the scheme-2 score Σ_a max_b c(a, b), which needs term positions.
     */
    record Variant(String name, boolean idf, double stopFraction, double exponent, boolean maxPerCylinder) {}

    static final List<Variant> VARIANTS = List.of(
            new Variant("scheme 2: sum_a max_b c(a,b) / sqrt(n)", false, 1, 0.5, true),
            new Variant("count of shared terms / sqrt(n)", false, 1, 0.5, false),
            new Variant("IDF-weighted / sqrt(n)", true, 1, 0.5, false),
            new Variant("count, stop > 0.5% / sqrt(n)", false, 0.005, 0.5, false),
            new Variant("IDF, stop > 0.3% / sqrt(n)", true, 0.003, 0.5, false),
            new Variant("IDF, stop > 0.5% / sqrt(n) (gallery)", true, MinutiaeIndexSearch.STOP_FRACTION, 0.5, false),
            new Variant("IDF, stop > 1% / sqrt(n)", true, 0.01, 0.5, false),
            new Variant("IDF, stop > 2% / sqrt(n)", true, 0.02, 0.5, false),
            new Variant("IDF, stop > 0.5% / n^0.4", true, 0.005, 0.4, false),
            new Variant("IDF, stop > 0.5% / n^0.6", true, 0.005, 0.6, false));

    @Override
    public String name() {
        return "minutiae-sweep";
    }

    @Override
    public String summary() {
        return "minutiae index scoring variants: list hit rate vs penetration and postings visited (in memory)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Path distractors = null;
        int count = 100_000;
        Path cache = Path.of(System.getProperty("borderid.home", ".")).resolve("bench/target/galleries");
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new UsageException(args.get(i) + " needs a value");
            }
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--distractors" -> distractors = Path.of(v);
                case "--count" -> count = Integer.parseInt(v);
                case "--cache" -> cache = Path.of(v);
                default -> throw new UsageException("unknown option " + args.get(i));
            }
        }
        if (distractors == null) {
            throw new UsageException("--distractors FILE is required");
        }
        GalleryBenchData.ensureDistractors(distractors, count);
        List<DevTemplates.Impression> dev = DevTemplates.load(cache, Runtime.getRuntime().availableProcessors(),
                err::println);
        List<DevTemplates.Impression> enrolled = new ArrayList<>();
        List<DevTemplates.Impression> probes = new ArrayList<>();
        for (DevTemplates.Impression i : dev) {
            if (i.template() != null) {
                (i.impression() == 1 ? enrolled : probes).add(i);
            }
        }
        List<FingerprintTemplate> gallery = new ArrayList<>();
        enrolled.forEach(i -> gallery.add(i.template()));
        try (TemplateFile.Reader reader = TemplateFile.read(distractors)) {
            for (int n = 0; n < count && reader.hasNext(); n++) {
                gallery.add(reader.next());
            }
        }
        err.printf(Locale.ROOT, "hashing %,d gallery fingers%n", gallery.size());
        int[][][] hashes = gallery.parallelStream().map(CylinderHashes::of).toArray(int[][][]::new);
        Index index = Index.of(hashes);
        int[][] mates = new int[probes.size()][];
        for (int p = 0; p < probes.size(); p++) {
            DevTemplates.Impression probe = probes.get(p);
            mates[p] = java.util.stream.IntStream.range(0, enrolled.size())
                    .filter(e -> enrolled.get(e).sameFinger(probe)).toArray();
        }
        int[][] hits = new int[VARIANTS.size()][PENETRATIONS.length];
        long[] visited = new long[VARIANTS.size()];
        Scorer scorer = new Scorer(index);
        for (int p = 0; p < probes.size(); p++) {
            int[][] probe = CylinderHashes.of(probes.get(p).template());
            for (int v = 0; v < VARIANTS.size(); v++) {
                float[] score = scorer.score(probe, VARIANTS.get(v));
                visited[v] += scorer.visited;
                float mate = Float.NEGATIVE_INFINITY;
                for (int m : mates[p]) {
                    mate = Math.max(mate, score[m]);
                }
                int above = 0;
                for (float s : score) {
                    if (s >= mate) {
                        above++;
                    }
                }
                int rank = above - 1; // fingers ranked at or above the mate, the best mate itself excluded
                for (int j = 0; j < PENETRATIONS.length; j++) {
                    if (mate > 0 && rank < Math.max(1, (int) Math.ceil(PENETRATIONS[j] * gallery.size()))) {
                        hits[v][j]++;
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "gallery %,d fingers (%d FVC + %,d synthetic), %d mated probes, %,d postings"
                + " (%.0f terms per finger)%n", gallery.size(), enrolled.size(), gallery.size() - enrolled.size(),
                probes.size(), index.postings.length, index.postings.length / (double) gallery.size());
        out.printf(Locale.ROOT, "%-40s", "list hit rate at penetration");
        for (double pen : PENETRATIONS) {
            out.printf(Locale.ROOT, " %7.2f%%", 100 * pen);
        }
        out.printf(Locale.ROOT, "  postings/probe%n");
        for (int v = 0; v < VARIANTS.size(); v++) {
            out.printf(Locale.ROOT, "%-40s", VARIANTS.get(v).name());
            for (int j = 0; j < PENETRATIONS.length; j++) {
                out.printf(Locale.ROOT, " %8.4f", hits[v][j] / (double) probes.size());
            }
            out.printf(Locale.ROOT, "  %,14d%n", visited[v] / probes.size());
        }
        return 0;
    }

    /** Postings by term (function × value), each {@code finger << 8 | cylinder}, in finger order. */
    record Index(int fingers, int[] start, int[] postings, int[] docFreq, int[] cylinders) {
        static Index of(int[][][] hashes) {
            int terms = CylinderHashes.FUNCTIONS << CylinderHashes.VALUE_BITS;
            int[] start = new int[terms + 1];
            for (int[][] finger : hashes) {
                forEachTerm(finger, (t, c) -> start[t + 1]++);
            }
            Arrays.parallelPrefix(start, Integer::sum);
            int[] postings = new int[start[terms]];
            int[] fill = Arrays.copyOf(start, terms);
            int[] docFreq = new int[terms];
            int[] lastFinger = new int[terms];
            Arrays.fill(lastFinger, -1);
            int[] cylinders = new int[hashes.length];
            for (int d = 0; d < hashes.length; d++) {
                int finger = d;
                cylinders[d] = hashes[d].length;
                forEachTerm(hashes[d], (t, c) -> {
                    postings[fill[t]++] = finger << 8 | Math.min(c, 255);
                    if (lastFinger[t] != finger) {
                        lastFinger[t] = finger;
                        docFreq[t]++;
                    }
                });
            }
            return new Index(hashes.length, start, postings, docFreq, cylinders);
        }

        interface TermVisitor {
            void visit(int term, int cylinder);
        }

        static void forEachTerm(int[][] finger, TermVisitor visitor) {
            for (int c = 0; c < finger.length; c++) {
                for (int f = 0; f < finger[c].length; f++) {
                    if (finger[c][f] != CylinderHashes.EXCLUDED) {
                        visitor.visit(f << CylinderHashes.VALUE_BITS | finger[c][f], c);
                    }
                }
            }
        }
    }

    /** Scores every gallery finger for a probe under a variant; reuses its arrays between probes. */
    static final class Scorer {
        private final Index index;
        private final float[] score;
        private final int[] pairCount;
        private int[] touched = new int[1 << 16];
        private final int[] best;
        long visited;

        Scorer(Index index) {
            this.index = index;
            this.score = new float[index.fingers()];
            this.pairCount = new int[index.fingers() * 256];
            this.best = new int[index.fingers()];
        }

        float[] score(int[][] probe, Variant v) {
            Arrays.fill(score, 0);
            visited = 0;
            if (v.maxPerCylinder()) {
                maxPerCylinder(probe);
            } else {
                int[] terms = Arrays.stream(probe).flatMapToInt(row -> java.util.stream.IntStream.range(0, row.length)
                        .filter(f -> row[f] != CylinderHashes.EXCLUDED)
                        .map(f -> f << CylinderHashes.VALUE_BITS | row[f])).distinct().toArray();
                long stop = Math.max(MinutiaeIndexSearch.STOP_MIN_FINGERS, (long) Math.floor(v.stopFraction() * index.fingers()));
                for (int t : terms) {
                    int df = index.docFreq()[t];
                    if (df == 0 || df > stop) {
                        continue;
                    }
                    float w = v.idf() ? (float) Math.log((double) index.fingers() / df) : 1f;
                    int last = -1;
                    for (int i = index.start()[t]; i < index.start()[t + 1]; i++) {
                        int d = index.postings()[i] >>> 8;
                        if (d != last) {
                            last = d;
                            score[d] += w;
                            visited++;
                        }
                    }
                }
            }
            for (int d = 0; d < score.length; d++) {
                score[d] /= (float) Math.pow(Math.max(1, index.cylinders()[d]), v.exponent());
            }
            return score;
        }

        /** Scheme 2: per probe cylinder, the best collision count with one cylinder of each finger, summed. */
        private void maxPerCylinder(int[][] probe) {
            for (int[] row : probe) {
                int n = 0;
                for (int f = 0; f < row.length; f++) {
                    if (row[f] == CylinderHashes.EXCLUDED) {
                        continue;
                    }
                    int t = f << CylinderHashes.VALUE_BITS | row[f];
                    for (int i = index.start()[t]; i < index.start()[t + 1]; i++) {
                        int pair = index.postings()[i];
                        if (pairCount[pair]++ == 0) {
                            if (n == touched.length) {
                                touched = Arrays.copyOf(touched, 2 * n);
                            }
                            touched[n++] = pair;
                        }
                        visited++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    int d = touched[i] >>> 8;
                    best[d] = Math.max(best[d], pairCount[touched[i]]);
                }
                for (int i = 0; i < n; i++) {
                    int d = touched[i] >>> 8;
                    score[d] += best[d];
                    best[d] = 0;
                    pairCount[touched[i]] = 0;
                }
            }
        }
    }
}
