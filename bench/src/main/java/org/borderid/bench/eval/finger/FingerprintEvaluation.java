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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.borderid.bench.accuracy.ErrorRates;
import org.borderid.bench.eval.finger.SpeedMeter.Speed;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Probe;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcPair;

/**
 * The fingerprint accuracy harness: every system on every FVC-layout database, FVC protocol.
 *
 * <p>Per database the images are decoded once ({@link DecodedDatabase}); per system every image is extracted once, in
 * parallel, then every unordered pair is compared once, the lower index as the probe, prepared once per probe, in
 * parallel. A pair involving an image without a template scores −∞: a non-match at every threshold, as FVC counts
 * it. Speed is measured apart from that, single-threaded, once the parallel pass has warmed the code
 * ({@link SpeedMeter}). Optionally, thresholds are calibrated on within- and cross-database impostors
 * ({@link CrossDatabaseCalibration}).
 *
 * <p>A system that throws {@link UnsupportedOperationException} (not implemented yet) is reported unavailable and not
 * retried on later databases. Any other exception from a system is a bug in it ({@link SystemCalls}): the image counts
 * as a failure to extract, or the pair as a non-match; the count is reported and a warning names the file.
 */
public final class FingerprintEvaluation {
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
    /** Systems found unimplemented, with the reason, so that later databases skip them. */
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    /** Per system, what calibration needs of each database (only when calibrating). */
    private final Map<String, List<CrossDatabaseCalibration.Database>> retained = new LinkedHashMap<>();

    /**
     * @param options what to run
     * @param log     progress and warnings, one line each (no biometric data); called from worker threads too
     */
    public FingerprintEvaluation(Options options, Consumer<String> log) {
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs every system on every database (in the order given) and, if asked, the calibration. Use once. */
    public FingerprintReport run(List<FvcDatabase> databases) {
        long started = System.nanoTime();
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<DatabaseResult> results = new ArrayList<>();
        List<Calibration> calibrations = new ArrayList<>();
        try (Workers workers = new Workers(options.threads())) {
            for (FvcDatabase database : databases) {
                DecodedDatabase db = DecodedDatabase.decode(database, workers, log);
                log.accept(db.name() + ": " + db.size() + " images, " + db.genuinePairs() + " genuine and "
                        + db.impostorPairs() + " impostor pairs");
                List<SystemResult> systems = new ArrayList<>();
                for (FingerprintSystem system : options.systems()) {
                    systems.add(evaluate(system, db, workers));
                }
                results.add(new DatabaseResult(db.name(), db.dpi(), db.size(), db.genuinePairs(), db.impostorPairs(),
                        db.decodeFailures(), systems));
            }
            for (FingerprintSystem system : options.calibrate() ? options.systems() : List.<FingerprintSystem>of()) {
                if (!unavailable.containsKey(system.name())) {
                    calibrations.add(CrossDatabaseCalibration.calibrate(system, retained.get(system.name()), workers,
                            log));
                }
            }
        }
        double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        return new FingerprintReport(options.systems().stream().map(FingerprintSystem::name).toList(), results,
                calibrations, runInfo(date, seconds));
    }

    private SystemResult evaluate(FingerprintSystem system, DecodedDatabase db, Workers workers) {
        String name = system.name();
        if (unavailable.containsKey(name)) {
            return new SystemResult.Unavailable(name, unavailable.get(name));
        }
        try {
            long t0 = System.nanoTime();
            Extractions extractions = extractAll(system, db, workers);
            Speed extractMs = options.timing() ? SpeedMeter.extractionMs(system, db) : Speed.NONE;
            Scores scores = scoreAll(system, db, extractions.templates(), workers);
            Speed perSecond = options.timing() && scores.errors() == 0
                    ? SpeedMeter.comparisonsPerSecond(system, db.pairs(), extractions.templates()) : Speed.NONE;
            ErrorRates rates = ErrorRates.of(scores.genuine(), scores.impostor());
            int failed = (int) Arrays.stream(extractions.templates()).filter(Objects::isNull).count();
            FingerprintFigures figures = new FingerprintFigures(rates.eer(), rates.fnmrAtFmr(1e-2),
                    rates.fnmrAtMinResolvableFmr(), rates.zeroFmr(), (double) failed / db.size(), extractMs.wall(),
                    perSecond.wall(), extractMs.cpu(), perSecond.cpu());
            if (options.calibrate()) {
                retained.computeIfAbsent(name, k -> new ArrayList<>()).add(new CrossDatabaseCalibration.Database(db,
                        extractions.templates(), CrossDatabaseCalibration.compared(Arrays.stream(scores.impostor()))));
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
        workers.forEach(db.size(), i -> templates[i] = SystemCalls.extract(system, db.image(i), db.dpi(),
                db.database().images().get(i).file().getFileName().toString(), warnings));
        warnings.summarize();
        return new Extractions(templates, warnings.count());
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
            Probe probe = templates[a] == null ? null : SystemCalls.prepare(system, templates[a], warnings);
            for (int p = start[a]; p < start[a + 1]; p++) {
                Template candidate = templates[pairs.get(p).candidate()];
                scores[p] = probe == null || candidate == null ? Double.NEGATIVE_INFINITY
                        : SystemCalls.compare(probe, candidate, warnings);
            }
        });
        warnings.summarize();
        double[] genuine = new double[db.genuinePairs()];
        double[] impostor = new double[db.impostorPairs()];
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

    private FingerprintReport.RunInfo runInfo(Instant date, double seconds) {
        return new FingerprintReport.RunInfo(date.toString(),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), options.threads(), seconds);
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
