package org.borderid.bench.eval.finger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.borderid.OperatingPoint;
import org.borderid.bench.accuracy.ErrorRates;
import org.borderid.bench.accuracy.ThresholdCalibration;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Probe;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcPair;
import org.borderid.image.GrayImage;

/**
 * The fingerprint accuracy harness: every system on every FVC-layout database, FVC protocol.
 *
 * <p>Per database the images are decoded once; per system every image is extracted once (in parallel), then every
 * unordered pair is compared once, the lower index as the probe, prepared once per probe (in parallel). A pair
 * involving an image without a template scores −∞: a non-match at every threshold, as FVC counts it. Speed is measured
 * apart from that, single-threaded, after the parallel pass over the same database has run the code paths dozens of
 * times (JIT warm): the extraction of {@link #TIMED_EXTRACTIONS} evenly spaced images (median), and repeated passes
 * over every compared pair with probes prepared beforehand for at least {@link #COMPARISON_TIMING_NANOS}.
 *
 * <p>A system that throws {@link UnsupportedOperationException} (not implemented yet) is reported unavailable and not
 * retried on later databases. Any other exception from a system is a bug in it: the image counts as a failure to
 * extract (or the pair as a non-match), the count is reported and a warning names the file.
 */
public final class FingerprintEvaluation {
    /**
     * Images per database and system whose extraction is timed single-threaded, evenly spaced over the database
     * (unit: images, 1..all). 40 keeps the median's sampling error small (the middle order statistics of 40 samples)
     * while costing at most half of the extraction pass again.
     */
    public static final int TIMED_EXTRACTIONS = 40;
    /**
     * Minimum single-threaded comparison timing per database and system, nanoseconds (1 s: long enough that timer
     * resolution and a stray GC pause are well below 1%; whole passes over the pairs are repeated until it is reached).
     */
    public static final long COMPARISON_TIMING_NANOS = 1_000_000_000L;
    /** Warnings of one kind printed per database and system before they are only counted. */
    private static final int MAX_WARNINGS = 5;

    /**
     * What to run.
     *
     * @param systems   systems to measure, in report order
     * @param threads   worker threads for decoding, extraction and scoring (≥ 1)
     * @param timing    whether to measure extraction time and comparison speed (off: those figures are NaN)
     * @param calibrate whether to also score cross-database impostors and calibrate thresholds
     */
    public record Options(List<FingerprintSystem> systems, int threads, boolean timing, boolean calibrate) {
        public Options {
            systems = List.copyOf(systems);
            if (systems.isEmpty()) {
                throw new IllegalArgumentException("no system to evaluate");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + threads);
            }
        }
    }

    private final Options options;
    private final Consumer<String> log;

    /**
     * @param options what to run
     * @param log     progress and warnings, one line each (no biometric data)
     */
    public FingerprintEvaluation(Options options, Consumer<String> log) {
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs every system on every database (in the order given) and, if asked, the calibration. */
    public FingerprintReport run(List<FvcDatabase> databases) {
        long started = System.nanoTime();
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> unavailable = new LinkedHashMap<>();
        Map<String, List<Retained>> retained = new LinkedHashMap<>();
        List<DatabaseResult> results = new ArrayList<>();
        List<Calibration> calibrations = new ArrayList<>();
        try (Workers workers = new Workers(options.threads())) {
            for (FvcDatabase database : databases) {
                DecodedDatabase db = DecodedDatabase.decode(database, workers, log);
                log.accept(db.name() + ": " + db.size() + " images, " + db.genuinePairs() + " genuine and "
                        + db.impostorPairs() + " impostor pairs");
                List<SystemResult> systems = new ArrayList<>();
                for (FingerprintSystem system : options.systems()) {
                    systems.add(evaluate(system, db, workers, unavailable, retained));
                }
                results.add(new DatabaseResult(db.name(), db.dpi(), db.size(), db.genuinePairs(), db.impostorPairs(),
                        db.decodeFailures(), systems));
            }
            if (options.calibrate()) {
                for (FingerprintSystem system : options.systems()) {
                    if (!unavailable.containsKey(system.name())) {
                        calibrations.add(calibrate(system, retained.get(system.name()), workers));
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new FingerprintReport(options.systems().stream().map(FingerprintSystem::name).toList(), results,
                calibrations, runInfo(date, seconds));
    }

    /** Templates and compared within-database impostor scores of one system on one database, kept for calibration. */
    private record Retained(DecodedDatabase db, Template[] templates, double[] comparedImpostorScores) {}

    private SystemResult evaluate(FingerprintSystem system, DecodedDatabase db, Workers workers,
            Map<String, String> unavailable, Map<String, List<Retained>> retained) {
        String name = system.name();
        if (unavailable.containsKey(name)) {
            return new SystemResult.Unavailable(name, unavailable.get(name));
        }
        try {
            long t0 = System.nanoTime();
            Extractions extractions = extractAll(system, db, workers);
            double extractMs = options.timing() ? medianExtractionMs(system, db) : Double.NaN;
            Scores scores = scoreAll(system, db, extractions.templates(), workers);
            double perSecond = options.timing() && scores.errors() == 0
                    ? comparisonsPerSecond(system, db, extractions.templates()) : Double.NaN;
            ErrorRates rates = ErrorRates.of(scores.genuine(), scores.impostor());
            int failed = (int) Arrays.stream(extractions.templates()).filter(Objects::isNull).count();
            FingerprintFigures figures = new FingerprintFigures(rates.eer(), rates.fnmrAtFmr(1e-2),
                    rates.fnmrAtMinResolvableFmr(), rates.zeroFmr(), (double) failed / db.size(), extractMs, perSecond);
            if (options.calibrate()) {
                retained.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Retained(db, extractions.templates(), finite(scores.impostor())));
            }
            log.accept(String.format(Locale.ROOT, "%s: %s: EER %.2f%%, FTE %d/%d (%.1f s)", db.name(), name,
                    100 * figures.eer(), failed, db.size(), (System.nanoTime() - t0) / 1e9));
            return new SystemResult.Measured(name, figures, rates, db.size(), failed, extractions.errors(),
                    scores.errors());
        } catch (UnsupportedOperationException e) {
            String reason = "not implemented: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getName());
            unavailable.put(name, reason);
            log.accept(db.name() + ": " + name + ": unavailable (" + reason + ")");
            return new SystemResult.Unavailable(name, reason);
        }
    }

    private record Extractions(Template[] templates, int errors) {}

    private Extractions extractAll(FingerprintSystem system, DecodedDatabase db, Workers workers) {
        Template[] templates = new Template[db.size()];
        Warnings warnings = new Warnings(db.name() + ": " + system.name(), log);
        workers.forEach(db.size(), i -> templates[i] = extract(system, db, i, warnings));
        warnings.summarize();
        return new Extractions(templates, warnings.count());
    }

    /** One extraction; null when the image is undecodable, refused by the system, or the system threw. */
    private static Template extract(FingerprintSystem system, DecodedDatabase db, int index, Warnings warnings) {
        GrayImage image = db.image(index);
        if (image == null) {
            return null;
        }
        try {
            return switch (system.extract(image, db.dpi())) {
                case FingerprintSystem.Extracted e -> e.template();
                case FingerprintSystem.Failed f -> null;
            };
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.add("extraction of " + db.database().images().get(index).file().getFileName() + " threw " + e);
            return null;
        }
    }

    private double medianExtractionMs(FingerprintSystem system, DecodedDatabase db) {
        int n = db.size();
        int samples = Math.min(TIMED_EXTRACTIONS, n);
        double[] ms = new double[samples];
        int timed = 0;
        for (int s = 0; s < samples; s++) {
            GrayImage image = db.image((int) ((long) s * n / samples));
            if (image == null) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                system.extract(image, db.dpi());
            } catch (UnsupportedOperationException e) {
                throw e;
            } catch (RuntimeException e) {
                continue; // already counted and reported by the extraction pass
            }
            ms[timed++] = (System.nanoTime() - t0) / 1e6;
        }
        return median(Arrays.copyOf(ms, timed));
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private record Scores(double[] genuine, double[] impostor, int errors) {}

    private Scores scoreAll(FingerprintSystem system, DecodedDatabase db, Template[] templates, Workers workers) {
        List<FvcPair> pairs = db.pairs();
        int[] start = probeStarts(pairs, db.size());
        double[] scores = new double[pairs.size()];
        Warnings warnings = new Warnings(db.name() + ": " + system.name(), log);
        workers.forEach(db.size(), a -> {
            if (start[a] == start[a + 1]) {
                return;
            }
            Probe probe = templates[a] == null ? null : prepare(system, templates[a], warnings);
            for (int p = start[a]; p < start[a + 1]; p++) {
                Template candidate = templates[pairs.get(p).candidate()];
                scores[p] = probe == null || candidate == null ? Double.NEGATIVE_INFINITY
                        : compare(probe, candidate, warnings);
            }
        });
        warnings.summarize();
        int genuineCount = (int) pairs.stream().filter(FvcPair::genuine).count();
        double[] genuine = new double[genuineCount];
        double[] impostor = new double[pairs.size() - genuineCount];
        int g = 0;
        int i = 0;
        for (int p = 0; p < pairs.size(); p++) {
            if (pairs.get(p).genuine()) {
                genuine[g++] = scores[p];
            } else {
                impostor[i++] = scores[p];
            }
        }
        return new Scores(genuine, impostor, warnings.count());
    }

    /** start[a] .. start[a+1] are the indices of the pairs whose probe is image a (pairs are ordered by probe). */
    private static int[] probeStarts(List<FvcPair> pairs, int images) {
        int[] start = new int[images + 1];
        for (FvcPair pair : pairs) {
            start[pair.probe() + 1]++;
        }
        for (int a = 0; a < images; a++) {
            start[a + 1] += start[a];
        }
        return start;
    }

    private static Probe prepare(FingerprintSystem system, Template template, Warnings warnings) {
        try {
            return system.prepare(template);
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.add("probe preparation threw " + e);
            return candidate -> Double.NaN; // each comparison of this probe then counts as an error
        }
    }

    private static double compare(Probe probe, Template candidate, Warnings warnings) {
        double score;
        try {
            score = probe.match(candidate);
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.add("comparison threw " + e);
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(score)) {
            warnings.add("comparison returned NaN");
            return Double.NEGATIVE_INFINITY;
        }
        return score;
    }

    private double comparisonsPerSecond(FingerprintSystem system, DecodedDatabase db, Template[] templates) {
        List<FvcPair> compared = db.pairs().stream()
                .filter(p -> templates[p.probe()] != null && templates[p.candidate()] != null).toList();
        if (compared.isEmpty()) {
            return Double.NaN;
        }
        Probe[] probes = new Probe[templates.length];
        for (int a = 0; a < templates.length; a++) {
            probes[a] = templates[a] == null ? null : system.prepare(templates[a]);
        }
        long comparisons = 0;
        double sink = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            for (FvcPair pair : compared) {
                sink += probes[pair.probe()].match(templates[pair.candidate()]);
            }
            comparisons += compared.size();
            elapsed = System.nanoTime() - t0;
        } while (elapsed < COMPARISON_TIMING_NANOS);
        blackhole = sink;
        return comparisons / (elapsed / 1e9);
    }

    /** Keeps the timed comparisons' results observable so the JIT cannot drop them. */
    @SuppressWarnings("unused")
    private static volatile double blackhole;

    private Calibration calibrate(FingerprintSystem system, List<Retained> databases, Workers workers) {
        List<Template> all = new ArrayList<>();
        List<Integer> dbOf = new ArrayList<>();
        for (int d = 0; d < databases.size(); d++) {
            for (Template t : databases.get(d).templates()) {
                if (t != null) {
                    all.add(t);
                    dbOf.add(d);
                }
            }
        }
        int n = all.size();
        // Templates are grouped by database: probe p meets every template of a later database, from firstLater[p] on.
        int[] firstLater = new int[n];
        long[] offset = new long[n + 1];
        for (int p = n - 1; p >= 0; p--) {
            firstLater[p] = p + 1 < n && dbOf.get(p + 1).equals(dbOf.get(p)) ? firstLater[p + 1] : p + 1;
        }
        for (int p = 0; p < n; p++) {
            offset[p + 1] = offset[p] + (n - firstLater[p]);
        }
        if (offset[n] > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many cross-database pairs to hold in memory: " + offset[n]);
        }
        double[] cross = new double[(int) offset[n]];
        log.accept(system.name() + ": calibration: scoring " + cross.length + " cross-database impostor pairs");
        Warnings warnings = new Warnings("calibration: " + system.name(), log);
        workers.forEach(n, p -> {
            Probe probe = prepare(system, all.get(p), warnings);
            int o = (int) offset[p];
            for (int c = firstLater[p]; c < n; c++) {
                cross[o++] = compare(probe, all.get(c), warnings);
            }
        });
        warnings.summarize();
        double[] within = databases.stream().map(Retained::comparedImpostorScores).flatMapToDouble(Arrays::stream)
                .toArray();
        double[] pooled = Stream.of(finite(cross), within).flatMapToDouble(Arrays::stream).toArray();
        List<ThresholdCalibration.Threshold> thresholds = new ArrayList<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            thresholds.add(ThresholdCalibration.calibrate(pooled, point.falseMatchRate()));
        }
        return new Calibration(system.name(), databases.stream().map(r -> r.db().name()).toList(), within.length,
                pooled.length - within.length, thresholds);
    }

    /** The scores of pairs that were compared (failed pairs carry −∞). */
    private static double[] finite(double[] scores) {
        return Arrays.stream(scores).filter(s -> s != Double.NEGATIVE_INFINITY).toArray();
    }

    private FingerprintReport.RunInfo runInfo(Instant date, double seconds) {
        return new FingerprintReport.RunInfo(date.toString(),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), options.threads(), seconds);
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static final class Warnings {
        private final String prefix;
        private final Consumer<String> log;
        private final AtomicInteger count = new AtomicInteger();

        Warnings(String prefix, Consumer<String> log) {
            this.prefix = prefix;
            this.log = log;
        }

        void add(String message) {
            if (count.incrementAndGet() <= MAX_WARNINGS) {
                log.accept(prefix + ": warning: " + message);
            }
        }

        int count() {
            return count.get();
        }

        void summarize() {
            if (count.get() > MAX_WARNINGS) {
                log.accept(prefix + ": warning: " + (count.get() - MAX_WARNINGS) + " more like the above");
            }
        }
    }
}
