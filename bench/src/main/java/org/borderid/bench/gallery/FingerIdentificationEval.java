package org.borderid.bench.gallery;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.Candidate;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.Identification;
import org.borderid.gallery.SubjectFilter;
import org.borderid.gallery.SubjectRecord;
import org.borderid.gallery.engine.FingerSearch;

/**
 * Fingerprint 1:N accuracy of the gallery, next to an exhaustive 1:1 scan of the same gallery.
 *
 * <p>Protocol. The gallery holds {@code distractors} synthetic fingers plus impression 1 of half of the fingers of the
 * eight FVC dev databases; two folds swap the halves (fingers 101–105, then 106–110), so every finger is enrolled once.
 * Mated probes: impressions 2–8 of the enrolled fingers (560 over both folds). Non-mated probes: all eight impressions
 * of the fingers left out (640). FVC2000 DB1 and DB2 share their fingers, so a probe from one has two mates, one per
 * sensor; finding either at rank 1 counts. A capture the extractor refused is a miss (mated) and raises no alarm
 * (non-mated).
 *
 * <p>Figures (ISO/IEC 19795-1, NIST FRVT definitions): rank-1 identification rate over mated probes; FPIR(t), the
 * share of non-mated probes whose best score is ≥ t; FNIR(t), the share of mated probes whose mate is not the top
 * candidate with a score ≥ t; FNIR at the lowest t with FPIR ≤ 1e-2. For the index: the candidate-list hit rate (mate
 * among the re-scored candidates) and the penetration rate (re-scored / fingers searched), per re-scoring budget.
 */
final class FingerIdentificationEval {
    /** FPIR at which FNIR is reported. */
    static final double FPIR = 1e-2;
    /** Distractor templates prepared at once during the exhaustive scan (bounds its memory, ~16 KB each). */
    private static final int SCAN_CHUNK = 5_000;
    /** Distractors per cached block of the exhaustive scan (a multiple of SCAN_CHUNK; about 6.4 M comparisons). */
    private static final int SCAN_BLOCK = 10_000;

    private final Options options;
    private final Consumer<String> log;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /**
     * @param partialExhaustive use only the exhaustive scan's blocks already cached (no scanning): the exhaustive
     *                          figures become bounds (see {@link Report#exhaustiveScanned})
     * @param fvcTemplates      a cache file of FVC templates to use instead of extracting with the current extractor
     *                          (null: current extractor)
     * @param folds             1 (fingers 101–105 enrolled, the others non-mated) or 2 (both halves in turn)
     */
    record Options(Path cache, Path distractorFile, int distractors, int threads, List<Integer> rescored,
                   long templateCacheBytes, boolean partialExhaustive, Path fvcTemplates, int folds) {}

    /** Figures of one system (the exhaustive scan, or the index with one re-scoring budget). */
    record Figures(String system, int rescoredPerSearch, double rank1, double fnirAtFpir, double threshold,
                   double listHitRate, double penetration, double medianCpuMs, double p99CpuMs) {}

    /**
     * @param exhaustiveScanned distractors the exhaustive scan compared every probe with. When fewer than
     *                          {@code distractors} (a partial scan), each probe's best distractor score is the maximum
     *                          over the scanned distractors and the distractors any index search re-scored for it: a
     *                          lower bound of the true maximum, so the exhaustive row's rank-1 is an upper bound and
     *                          its FNIR a lower bound of the full scan's
     */
    record Report(int folds, int distractors, int exhaustiveScanned, int matedProbes, int nonMatedProbes, int refusedCaptures,
                  List<Figures> systems) {}

    /** Per-probe outcome. */
    private record Outcome(boolean mated, boolean rank1, double topScore, double mateScore, boolean mateListed,
                           double penetration, double cpuMs) {}

    /** Distractors the exhaustive scan covered (all, unless partial). */
    private int exhaustiveScanned;

    FingerIdentificationEval(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    Report run() throws Exception {
        List<DevTemplates.Impression> impressions = impressions();
        Path galleryDir = DistractorGallery.build(options.cache(), options.distractorFile(), options.distractors(),
                options.threads(), log);
        double[] distractorBest = exhaustiveDistractorScan(impressions);
        List<List<Outcome>> bySystem = new ArrayList<>();
        List<Outcome> exhaustive = new ArrayList<>();
        for (int r = 0; r < options.rescored().size(); r++) {
            bySystem.add(new ArrayList<>());
        }
        List<List<DevTemplates.Impression>> enrolledByFold = new ArrayList<>();
        List<List<DevTemplates.Impression>> probesByFold = new ArrayList<>();
        GalleryConfig config = GalleryConfig.defaults().withTemplateCacheBytes(options.templateCacheBytes());
        try (Gallery gallery = Gallery.open(galleryDir, config)) {
            removeLeftoverFvcSubjects(gallery);
            for (int fold = 0; fold < options.folds(); fold++) {
                boolean firstHalf = fold == 0;
                List<DevTemplates.Impression> enrolled = impressions.stream()
                        .filter(i -> i.impression() == 1 && i.template() != null && inFold(i, firstHalf)).toList();
                List<DevTemplates.Impression> probes = impressions.stream()
                        .filter(i -> inFold(i, firstHalf) ? i.impression() >= 2 : true).toList();
                enrolledByFold.add(enrolled);
                probesByFold.add(probes);
                gallery.enrollAll(enrolled.stream().map(i -> SubjectRecord.builder(i.subjectId()).agency("fvc")
                        .lists("fvc").finger(DistractorGallery.POSITION, i.template()).build()).toList());
                gallery.refresh();
                log.accept("fold " + (fold + 1) + ": " + enrolled.size() + " FVC fingers enrolled, " + probes.size()
                        + " probes");
                for (int r = 0; r < options.rescored().size(); r++) {
                    int budget = options.rescored().get(r);
                    bySystem.get(r).addAll(indexOutcomes(gallery, probes, enrolled, impressions, budget,
                            distractorBest));
                    log.accept("  fold " + (fold + 1) + ", re-scoring " + label(budget) + ": done");
                }
                for (DevTemplates.Impression i : enrolled) {
                    gallery.delete(i.subjectId());
                }
                gallery.refresh();
            }
        }
        for (int fold = 0; fold < options.folds(); fold++) {
            exhaustive.addAll(exhaustiveOutcomes(probesByFold.get(fold), enrolledByFold.get(fold), impressions,
                    distractorBest));
        }
        List<Figures> figures = new ArrayList<>();
        figures.add(figures(exhaustiveScanned < options.distractors() ? "exhaustive 1:1 scan (bound: "
                + exhaustiveScanned + " scanned + index candidates)" : "exhaustive 1:1 scan", options.distractors()
                + 40, exhaustive));
        for (int r = 0; r < options.rescored().size(); r++) {
            figures.add(figures("index, re-score " + label(options.rescored().get(r)), options.rescored().get(r),
                    bySystem.get(r)));
        }
        int mated = (int) exhaustive.stream().filter(Outcome::mated).count();
        int refused = (int) impressions.stream().filter(i -> i.template() == null).count();
        return new Report(options.folds(), options.distractors(), exhaustiveScanned, mated, exhaustive.size() - mated, refused,
                figures);
    }

    /** Deletes FVC subjects a run that was interrupted between enrolling and deleting a fold left behind. */
    private void removeLeftoverFvcSubjects(Gallery gallery) {
        List<String> leftover = new ArrayList<>();
        String after = null;
        while (true) {
            org.borderid.gallery.SubjectPage page = gallery.list(SubjectFilter.inLists("fvc"), after, Gallery.MAX_PAGE);
            page.records().forEach(r -> leftover.add(r.id()));
            if (page.next().isEmpty()) {
                break;
            }
            after = page.next().get();
        }
        leftover.forEach(gallery::delete);
        if (!leftover.isEmpty()) {
            gallery.refresh();
            log.accept("removed " + leftover.size() + " FVC subjects left by an interrupted run");
        }
    }

    private List<DevTemplates.Impression> impressions() throws Exception {
        return options.fvcTemplates() != null ? DevTemplates.loadFile(options.fvcTemplates())
                : DevTemplates.load(options.cache(), options.threads(), log);
    }

    private static String label(int budget) {
        return budget < 0 ? String.format(java.util.Locale.ROOT, "default (%s%%, %d..%d)",
                java.math.BigDecimal.valueOf(100 * FingerSearch.RESCORE_FRACTION).stripTrailingZeros().toPlainString(),
                FingerSearch.MIN_RESCORED, FingerSearch.MAX_RESCORED) : Integer.toString(budget);
    }

    private static boolean inFold(DevTemplates.Impression i, boolean firstHalf) {
        return (i.finger() <= 105) == firstHalf;
    }

    /**
     * The outcomes of the index with one re-scoring budget. With a partial exhaustive scan, also raises each probe's
     * best distractor score ({@code distractorBest}, indexed like {@code all}) to the best distractor the search
     * re-scored: the same matcher on the same pair, so still a true lower bound of the full scan's maximum.
     */
    private List<Outcome> indexOutcomes(Gallery gallery, List<DevTemplates.Impression> probes,
                                        List<DevTemplates.Impression> enrolled, List<DevTemplates.Impression> all,
                                        int budget, double[] distractorBest) throws Exception {
        Outcome[] out = new Outcome[probes.size()];
        parallel(probes.size(), p -> {
            DevTemplates.Impression probe = probes.get(p);
            boolean mated = enrolled.stream().anyMatch(probe::sameFinger);
            if (probe.template() == null) {
                out[p] = new Outcome(mated, false, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, false, 0, 0);
                return;
            }
            long cpu = threads.getCurrentThreadCpuTime();
            Identification r = gallery.identifyFingers(Map.of(DistractorGallery.POSITION, probe.template()),
                    SubjectFilter.ALL, Gallery.MAX_CANDIDATES, budget);
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            List<String> mates = enrolled.stream().filter(probe::sameFinger).map(DevTemplates.Impression::subjectId)
                    .toList();
            double top = r.candidates().isEmpty() ? Double.NEGATIVE_INFINITY : r.candidates().get(0).score();
            boolean rank1 = !r.candidates().isEmpty() && mates.contains(r.candidates().get(0).subjectId())
                    && (r.candidates().size() < 2 || r.candidates().get(1).score() < top);
            double mateScore = r.candidates().stream().filter(c -> mates.contains(c.subjectId()))
                    .mapToDouble(Candidate::score).max().orElse(Double.NEGATIVE_INFINITY);
            boolean listed = r.candidates().stream().anyMatch(c -> mates.contains(c.subjectId()));
            out[p] = new Outcome(mated, rank1, top, mateScore, listed, r.penetration(), cpuMs);
            if (exhaustiveScanned < options.distractors()) {
                double bestDistractor = r.candidates().stream()
                        .filter(c -> c.subjectId().startsWith(DistractorGallery.ID_PREFIX))
                        .mapToDouble(Candidate::score).max().orElse(Double.NEGATIVE_INFINITY);
                int index = all.indexOf(probe);
                synchronized (distractorBest) {
                    distractorBest[index] = Math.max(distractorBest[index], bestDistractor);
                }
            }
        });
        return Arrays.asList(out);
    }

    private List<Outcome> exhaustiveOutcomes(List<DevTemplates.Impression> probes,
                                             List<DevTemplates.Impression> enrolled,
                                             List<DevTemplates.Impression> all, double[] distractorBest) {
        List<Outcome> out = new ArrayList<>();
        for (DevTemplates.Impression probe : probes) {
            boolean mated = enrolled.stream().anyMatch(probe::sameFinger);
            if (probe.template() == null) {
                out.add(new Outcome(mated, false, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, false, 1, 0));
                continue;
            }
            FingerprintMatcher matcher = new FingerprintMatcher(probe.template());
            double bestMate = Double.NEGATIVE_INFINITY;
            double bestOther = distractorBest[all.indexOf(probe)];
            for (DevTemplates.Impression e : enrolled) {
                double s = matcher.match(e.template());
                if (probe.sameFinger(e)) {
                    bestMate = Math.max(bestMate, s);
                } else {
                    bestOther = Math.max(bestOther, s);
                }
            }
            double top = Math.max(bestMate, bestOther);
            out.add(new Outcome(mated, bestMate > bestOther, top, bestMate, true, 1, 0));
        }
        return out;
    }

    /**
     * The best score of every FVC impression against every distractor. Dominates the harness's run time (impressions ×
     * distractors comparisons), so it is computed in blocks of {@value #SCAN_BLOCK} distractors, each cached in its own
     * file under a key of the distractor file and the matcher code: an interrupted scan resumes, a larger gallery reuses
     * the blocks of a smaller one, and several processes ({@code --exhaustive-only}) can share the work (a block is
     * claimed by a {@code .claim} file naming the process; a claim of a process that is gone is taken over).
     */
    double[] exhaustiveDistractorScan(List<DevTemplates.Impression> impressions) throws Exception {
        // the scores depend on the matcher's code and on the probe templates only
        String key = DevTemplates.digest(impressions) + "-" + CodeDigest.of(FingerprintMatcher.class,
                "org/borderid/finger/engine/match/");
        String stem = options.distractorFile().getFileName().toString().replaceAll("\\.[^.]*$", "");
        int n = options.distractors();
        double[] best = new double[impressions.size()];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        FingerprintMatcher[] matchers = impressions.stream()
                .map(i -> i.template() == null ? null : new FingerprintMatcher(i.template()))
                .toArray(FingerprintMatcher[]::new);
        List<Integer> pending = new ArrayList<>();
        for (int from = 0; from < n; from += SCAN_BLOCK) {
            pending.add(from);
        }
        log.accept("exhaustive scan: " + impressions.size() + " impressions x " + n + " distractors, in blocks of "
                + SCAN_BLOCK + " cached in " + options.cache() + " (key " + key + ")");
        long start = System.nanoTime();
        int scanned = 0;
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
                int from = it.next();
                int to = Math.min(n, from + SCAN_BLOCK);
                Path file = options.cache().resolve("exhaustive-" + stem + "-" + from + "-" + to + "-" + key + ".bin");
                if (!Files.exists(file) && options.partialExhaustive()) {
                    it.remove(); // not scanned: a partial scan uses the cached blocks only
                    progress = true;
                    continue;
                }
                if (!Files.exists(file)) {
                    if (!claim(file)) {
                        continue;
                    }
                    double[] block = scanBlock(matchers, from, to);
                    write(file, block);
                    Files.deleteIfExists(claimOf(file));
                    scanned += to - from;
                    log.accept(String.format(java.util.Locale.ROOT, "  block %,d..%,d scanned (%.0f s, %,d"
                            + " distractors by this process)", from, to, (System.nanoTime() - start) / 1e9, scanned));
                }
                double[] block = read(file, best.length);
                for (int i = 0; i < best.length; i++) {
                    best[i] = Math.max(best[i], block[i]);
                }
                exhaustiveScanned += to - from;
                it.remove();
                progress = true;
            }
            if (!progress) {
                Thread.sleep(10_000); // blocks claimed by another live process
            }
        }
        return best;
    }

    private static Path claimOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".claim");
    }

    /** Claims the block for this process; false if a live process holds it. */
    private static boolean claim(Path file) throws java.io.IOException {
        Path claim = claimOf(file);
        String me = Long.toString(ProcessHandle.current().pid());
        try {
            Files.writeString(claim, me, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            long holder;
            try {
                holder = Long.parseLong(Files.readString(claim).trim());
            } catch (NumberFormatException | java.nio.file.NoSuchFileException unreadable) {
                return false;
            }
            if (ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false)) {
                return false;
            }
            Files.writeString(claim, me); // the holder is gone: take the block over
            return true;
        }
    }

    private double[] scanBlock(FingerprintMatcher[] matchers, int from, int to) throws Exception {
        double[] best = new double[matchers.length];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        try (var reader = org.borderid.server.cli.gallery.TemplateFile.read(options.distractorFile())) {
            for (int i = 0; i < from; i++) {
                reader.next();
            }
            for (int chunkFrom = from; chunkFrom < to; chunkFrom += SCAN_CHUNK) {
                int size = Math.min(SCAN_CHUNK, to - chunkFrom);
                FingerprintTemplate[] chunk = new FingerprintTemplate[size];
                for (int i = 0; i < size; i++) {
                    chunk[i] = reader.next();
                }
                parallel(size, i -> org.borderid.finger.engine.match.PreparedTemplates.of(chunk[i]));
                parallel(matchers.length, p -> {
                    if (matchers[p] == null) {
                        return;
                    }
                    double b = best[p];
                    for (FingerprintTemplate t : chunk) {
                        b = Math.max(b, matchers[p].match(t));
                    }
                    best[p] = b;
                });
            }
        }
        return best;
    }

    private static void write(Path file, double[] values) throws java.io.IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            for (double v : values) {
                out.writeDouble(v);
            }
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static double[] read(Path file, int count) throws java.io.IOException {
        double[] values = new double[count];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (int i = 0; i < count; i++) {
                values[i] = in.readDouble();
            }
        }
        return values;
    }

    /** Runs only the exhaustive scan, filling its block cache (several processes can share the work). */
    void exhaustiveOnly() throws Exception {
        exhaustiveDistractorScan(impressions());
    }

    private void parallel(int n, java.util.function.IntConsumer task) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).get();
        } finally {
            pool.shutdown();
        }
    }

    private static Figures figures(String name, int rescored, List<Outcome> outcomes) {
        List<Outcome> mated = outcomes.stream().filter(Outcome::mated).toList();
        double[] nonMated = outcomes.stream().filter(o -> !o.mated()).mapToDouble(Outcome::topScore).sorted()
                .toArray();
        double threshold = thresholdAtFpir(nonMated, FPIR);
        long hits = mated.stream().filter(Outcome::rank1).count();
        long misses = mated.stream().filter(o -> !o.rank1() || o.mateScore() < threshold).count();
        long listed = mated.stream().filter(Outcome::mateListed).count();
        double[] cpu = outcomes.stream().mapToDouble(Outcome::cpuMs).sorted().toArray();
        return new Figures(name, rescored, (double) hits / mated.size(), (double) misses / mated.size(), threshold,
                (double) listed / mated.size(), outcomes.stream().mapToDouble(Outcome::penetration).average()
                .orElse(0), quantile(cpu, 0.5), quantile(cpu, 0.99));
    }

    /** The lowest threshold t with FPIR(t) ≤ target over the sorted non-mated best scores. */
    static double thresholdAtFpir(double[] sortedNonMated, double target) {
        int n = sortedNonMated.length;
        int allowed = (int) Math.floor(target * n + 1e-9);
        if (allowed >= n) {
            return Double.NEGATIVE_INFINITY;
        }
        // at most `allowed` scores may be >= t: t just above the (allowed+1)-th highest
        return Math.nextUp(sortedNonMated[n - 1 - allowed]);
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
