package org.borderid.bench.face;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.borderid.OperatingPoint;
import org.borderid.bench.plot.Figure;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.FaceModelDescriptor;
import org.borderid.face.FaceQuality;
import org.borderid.face.FaceQualityPolicy;
import org.borderid.face.QualityIssue;
import org.borderid.fixtures.lfw.LfwDataset;
import org.borderid.fixtures.lfw.LfwImage;
import org.borderid.fixtures.lfw.LfwPair;
import org.borderid.fixtures.lfw.LfwPairs;

/**
 * The LFW face evaluation behind {@code ./borderid eval faces}: every image through the product pipeline, then
 *
 * <ol>
 * <li>calibration on View 1's training side: the best-accuracy threshold of {@code pairsDevTrain.txt} and the
 * thresholds for FMR 1e-2/1e-3/1e-4 from <em>all</em> cross-identity pairs of the {@code peopleDevTrain.txt}
 * people's images (about 45 million);</li>
 * <li>the report on View 1's test side: accuracy of {@code pairsDevTest.txt} at the calibrated threshold, TAR at the
 * FMR thresholds, EER; and, since 500 impostor pairs cannot resolve FMR 1e-3, all pairs of the
 * {@code peopleDevTest.txt} people's images (disjoint identities): the FMR the calibrated thresholds really give
 * there, the TAR, the EER and the ROC;</li>
 * <li>open-set identification over all of LFW ({@link Identification});</li>
 * <li>optionally any pairs file in LFW's format ({@code --pairs}); View 2's ten folds give the standard 10-fold
 * accuracy;</li>
 * <li>optionally the quality study ({@link FaceQualityStudy}, {@code --quality-study}).</li>
 * </ol>
 */
final class FaceEvaluation {
    static final double[] FMR_TARGETS = {1e-2, 1e-3, 1e-4};
    static final double[] FPIR_TARGETS = {1e-2, 1e-3};

    /** What the evaluation produced: the JSON report and the ROC figure. */
    record Result(Map<String, Object> report, Figure roc) {}

    private final FaceEngine engine;
    private final LfwDataset dataset;
    private final int threads;
    private final Path pairsFile;
    private final boolean qualityStudy;
    private final Consumer<String> log;

    FaceEvaluation(FaceEngine engine, LfwDataset dataset, int threads, Path pairsFile, boolean qualityStudy,
            Consumer<String> log) {
        this.engine = engine;
        this.dataset = dataset;
        this.threads = threads;
        this.pairsFile = pairsFile;
        this.qualityStudy = qualityStudy;
        this.log = log;
    }

    Result run() throws InterruptedException {
        Map<String, List<LfwImage>> byPerson = dataset.byPerson();
        LfwPairs trainPairs = dataset.pairs("pairsDevTrain.txt");
        LfwPairs testPairs = dataset.pairs("pairsDevTest.txt");
        Set<String> trainPeople = dataset.people("peopleDevTrain.txt");
        Set<String> testPeople = dataset.people("peopleDevTest.txt");
        LfwPairs extraPairs = pairsFile == null ? null : LfwPairs.read(pairsFile);

        log.accept("capturing " + dataset.images().size() + " images on " + threads + " threads");
        LfwCaptures captures = LfwCaptures.capture(engine, dataset, dataset.images(), threads, log);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dataset", dataset(byPerson));
        report.put("engine", engine());
        report.put("capture", capture(captures));
        report.put("quality", quality(captures));

        log.accept("calibrating on pairsDevTrain.txt and all cross-identity pairs of peopleDevTrain.txt");
        PairScores train = score(captures, trainPairs.pairs());
        double accuracyThreshold = train.bestAccuracyThreshold();
        AllPairs trainAll = AllPairs.score(captures, imagesOf(byPerson, trainPeople), threads);
        Map<OperatingPoint, Double> thresholds = new EnumMap<>(OperatingPoint.class);
        for (OperatingPoint point : OperatingPoint.values()) {
            thresholds.put(point, trainAll.nonMated().thresholdAtRate(point.falseMatchRate()));
        }
        double balancedThreshold = trainAll.nonMated().balancedAccuracyThreshold(trainAll.mated());
        report.put("calibration", calibration(train, accuracyThreshold, balancedThreshold, trainAll, thresholds,
                trainPeople.size()));

        log.accept("testing on pairsDevTest.txt and all pairs of peopleDevTest.txt");
        PairScores test = score(captures, testPairs.pairs());
        report.put("test", test(captures, testPairs, test, accuracyThreshold, balancedThreshold, thresholds));
        AllPairs testAll = AllPairs.score(captures, imagesOf(byPerson, testPeople), threads);
        report.put("test_identities", testIdentities(testAll, thresholds, engine.model(), testPeople.size()));

        log.accept("identification: first image of each person with 2+ images as gallery");
        report.put("identification", Identification.run(captures, byPerson, FPIR_TARGETS));

        if (extraPairs != null) {
            report.put("pairs", pairsReport(captures, extraPairs, accuracyThreshold));
        }
        if (qualityStudy) {
            log.accept("quality study on the mated pairs of pairsDevTest.txt");
            report.put("quality_study", FaceQualityStudy.run(engine, dataset, testPairs.pairs(),
                    thresholds.get(OperatingPoint.FMR_1E3), threads, log));
        }

        double[][] operating = new double[OperatingPoint.values().length][];
        List<String> names = new ArrayList<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            double t = thresholds.get(point);
            operating[point.ordinal()] = new double[] {t, testAll.nonMated().rateAtOrAbove(t),
                testAll.mated().rateAtOrAbove(t)};
            names.add("FMR " + rate(point.falseMatchRate()));
        }
        FaceEngineConfig c = engine.config();
        Figure roc = RocFigure.of("LFW ROC, " + c.embedder().name() + (c.flipAveraging() ? " + flip" : ""),
                String.format(java.util.Locale.ROOT, "peopleDevTest: %,d mated, %,d non-mated pairs",
                        testAll.mated().total(), testAll.nonMated().total()),
                testAll.nonMated().roc(testAll.mated(), RocFigure.MIN_FAR, 40), operating, names);
        return new Result(report, roc);
    }

    private Map<String, Object> dataset(Map<String, List<LfwImage>> byPerson) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("root", dataset.root().toAbsolutePath().toString());
        r.put("images", dataset.images().size());
        r.put("people", byPerson.size());
        return r;
    }

    private Map<String, Object> engine() {
        FaceEngineConfig c = engine.config();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", c.embedder().name());
        r.put("model_file", c.embedder().file().toString());
        r.put("dimension", c.embedder().dimension());
        r.put("flip_averaging", c.flipAveraging());
        r.put("detector_file", c.detectorModel().toString());
        r.put("detection_threshold", c.detectionThreshold());
        r.put("detection_max_side", c.detectionMaxSide());
        return r;
    }

    private Map<String, Object> capture(LfwCaptures captures) {
        int n = captures.images().size();
        int errors = 0;
        int multi = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            errors += captures.error(i) != null ? 1 : 0;
            multi += captures.facesSeen(i) > 1 ? 1 : 0;
            if (!captures.captured(i)) {
                failed.add(captures.images().get(i).id());
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("images", n);
        r.put("detection_failures", captures.failures());
        r.put("detection_failure_rate", (double) captures.failures() / n);
        r.put("decode_errors", errors);
        r.put("images_with_several_faces", multi);
        r.put("threads", threads);
        r.put("seconds", captures.seconds());
        r.put("images_per_second", n / captures.seconds());
        r.put("failed_images", failed.size() <= 100 ? failed : failed.subList(0, 100));
        return r;
    }

    /** Distribution of the quality measurements and how many faces each preset policy would flag. */
    private static Map<String, Object> quality(LfwCaptures captures) {
        List<FaceQuality> q = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < captures.images().size(); i++) {
            if (captures.quality(i) != null) {
                q.add(captures.quality(i));
                seen.add(captures.facesSeen(i));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("percentiles", List.of(1, 5, 50, 95, 99));
        r.put("inter_eye_distance", percentiles(q.stream().mapToDouble(FaceQuality::interEyeDistance).toArray()));
        r.put("yaw", percentiles(q.stream().mapToDouble(FaceQuality::yaw).toArray()));
        r.put("pitch", percentiles(q.stream().mapToDouble(FaceQuality::pitch).toArray()));
        r.put("roll", percentiles(q.stream().mapToDouble(FaceQuality::roll).toArray()));
        r.put("sharpness", percentiles(q.stream().mapToDouble(FaceQuality::sharpness).toArray()));
        r.put("brightness", percentiles(q.stream().mapToDouble(FaceQuality::brightness).toArray()));
        r.put("contrast", percentiles(q.stream().mapToDouble(FaceQuality::contrast).toArray()));
        r.put("confidence", percentiles(q.stream().mapToDouble(FaceQuality::confidence).toArray()));
        r.put("issues_kiosk_policy", issueCounts(q, seen, FaceQualityPolicy.KIOSK));
        r.put("issues_recognition_policy", issueCounts(q, seen, FaceQualityPolicy.RECOGNITION));
        return r;
    }

    private static List<Double> percentiles(double[] values) {
        Arrays.sort(values);
        List<Double> r = new ArrayList<>();
        for (int p : new int[] {1, 5, 50, 95, 99}) {
            r.add(values.length == 0 ? Double.NaN
                    : values[Math.min(values.length - 1, (int) Math.floor(p / 100.0 * values.length))]);
        }
        return r;
    }

    private static Map<String, Object> issueCounts(List<FaceQuality> q, List<Integer> seen, FaceQualityPolicy p) {
        Map<QualityIssue, Integer> counts = new EnumMap<>(QualityIssue.class);
        int withAny = 0;
        for (int i = 0; i < q.size(); i++) {
            List<QualityIssue> issues = p.issues(q.get(i), seen.get(i));
            withAny += issues.isEmpty() ? 0 : 1;
            issues.forEach(issue -> counts.merge(issue, 1, Integer::sum));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("faces_with_any_issue", withAny);
        counts.forEach((issue, n) -> r.put(issue.name().toLowerCase(java.util.Locale.ROOT), n));
        return r;
    }

    private static Map<String, Object> calibration(PairScores train, double accuracyThreshold,
            double balancedThreshold, AllPairs all, Map<OperatingPoint, Double> thresholds, int people) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pairs_file", "pairsDevTrain.txt");
        r.put("pairs", train.size());
        r.put("accuracy_threshold", accuracyThreshold);
        r.put("train_accuracy", train.accuracy(accuracyThreshold));
        r.put("balanced_accuracy_threshold_train_identities", balancedThreshold);
        r.put("impostor_people", people);
        r.put("impostor_pairs", all.nonMated().total());
        Map<String, Object> t = new LinkedHashMap<>();
        Map<String, Object> above = new LinkedHashMap<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            double threshold = thresholds.get(point);
            t.put(key(point), threshold);
            above.put(key(point), Math.round(all.nonMated().rateAtOrAbove(threshold) * all.nonMated().total()));
        }
        r.put("fmr_thresholds", t);
        r.put("impostor_pairs_at_or_above", above);
        r.put("mated_pairs", all.mated().total());
        Map<String, Object> tar = new LinkedHashMap<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            tar.put(key(point), all.mated().rateAtOrAbove(thresholds.get(point)));
        }
        r.put("tar_on_train_identities", tar);
        return r;
    }

    private static Map<String, Object> test(LfwCaptures captures, LfwPairs pairs, PairScores test,
            double accuracyThreshold, double balancedThreshold, Map<OperatingPoint, Double> thresholds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pairs_file", "pairsDevTest.txt");
        r.put("pairs", test.size());
        r.put("accuracy", test.accuracy(accuracyThreshold));
        r.put("accuracy_threshold", accuracyThreshold);
        r.put("accuracy_at_train_identities_threshold", test.accuracy(balancedThreshold));
        r.put("best_accuracy_on_test", test.accuracy(test.bestAccuracyThreshold()));
        r.put("tar_at_far_1e-2", test.trueAcceptRate(thresholds.get(OperatingPoint.FMR_1E2)));
        r.put("tar_at_far_1e-3", test.trueAcceptRate(thresholds.get(OperatingPoint.FMR_1E3)));
        r.put("tar_at_far_1e-4", test.trueAcceptRate(thresholds.get(OperatingPoint.FMR_1E4)));
        r.put("far_at_far_1e-2_threshold", test.falseAcceptRate(thresholds.get(OperatingPoint.FMR_1E2)));
        r.put("eer", test.equalErrorRate());
        Set<LfwImage> images = new java.util.TreeSet<>();
        pairs.pairs().forEach(p -> {
            images.add(p.first());
            images.add(p.second());
        });
        long failures = images.stream().filter(im -> {
            int i = captures.indexOf(im);
            return i < 0 || !captures.captured(i);
        }).count();
        r.put("images", images.size());
        r.put("detection_failures", images.isEmpty() ? 0.0 : (double) failures / images.size());
        r.put("detection_failure_count", failures);
        r.put("note", "rates are fractions; detection_failures: share of the test pairs' images without a face"
                + " (capture.detection_failure_rate: over all images); accuracy: at the best-accuracy threshold of"
                + " pairsDevTrain.txt; accuracy_at_train_identities_"
                + "threshold: at the best balanced-accuracy threshold over all pairs of the peopleDevTrain.txt people;"
                + " tar_at_far_x: share of the 500 mated pairs at or above the threshold calibrated for FMR x on the"
                + " training identities (calibration.fmr_thresholds); test_identities shows the FMR it gives on"
                + " unseen identities");
        return r;
    }

    private static Map<String, Object> testIdentities(AllPairs all, Map<OperatingPoint, Double> thresholds,
            FaceModelDescriptor model, int people) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("people", people);
        r.put("mated_pairs", all.mated().total());
        r.put("non_mated_pairs", all.nonMated().total());
        r.put("eer", all.nonMated().equalErrorRate(all.mated()));
        Map<String, Object> calibrated = new LinkedHashMap<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            double t = thresholds.get(point);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("threshold", t);
            p.put("fmr", all.nonMated().rateAtOrAbove(t));
            p.put("tar", all.mated().rateAtOrAbove(t));
            calibrated.put(key(point), p);
        }
        r.put("at_calibrated_thresholds", calibrated);
        Map<String, Object> shipped = new LinkedHashMap<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            OptionalDouble t = model.calibratedThreshold(point);
            if (t.isPresent()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("threshold", t.getAsDouble());
                p.put("fmr", all.nonMated().rateAtOrAbove(t.getAsDouble()));
                p.put("tar", all.mated().rateAtOrAbove(t.getAsDouble()));
                shipped.put(key(point), p);
            }
        }
        r.put("at_model_thresholds", shipped);
        Map<String, Object> roc = new LinkedHashMap<>();
        for (double far : new double[] {1e-2, 1e-3, 1e-4, 1e-5}) {
            roc.put(rate(far), all.mated().rateAtOrAbove(all.nonMated().thresholdAtRate(far)));
        }
        r.put("roc_tar_at_far", roc);
        return r;
    }

    private static Map<String, Object> pairsReport(LfwCaptures captures, LfwPairs pairs, double accuracyThreshold) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("folds", pairs.folds());
        r.put("pairs", pairs.pairs().size());
        List<PairScores> folds = new ArrayList<>();
        for (int f = 0; f < pairs.folds(); f++) {
            folds.add(score(captures, pairs.fold(f)));
        }
        PairScores all = PairScores.pool(folds);
        r.put("eer", all.equalErrorRate());
        if (pairs.folds() == 1) {
            r.put("accuracy", all.accuracy(accuracyThreshold));
            r.put("accuracy_threshold", accuracyThreshold);
            r.put("threshold_from", "pairsDevTrain.txt");
            return r;
        }
        double[] accuracies = PairScores.crossValidatedAccuracies(folds);
        double mean = Arrays.stream(accuracies).average().orElse(Double.NaN);
        double var = Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).sum() / (accuracies.length - 1);
        r.put("accuracy_mean", mean);
        r.put("accuracy_std", Math.sqrt(var));
        r.put("accuracy_standard_error", Math.sqrt(var / accuracies.length));
        r.put("fold_accuracies", Arrays.stream(accuracies).boxed().toList());
        return r;
    }

    private static PairScores score(LfwCaptures captures, List<LfwPair> pairs) {
        double[] mated = pairs.stream().filter(LfwPair::mated)
                .mapToDouble(p -> captures.score(captures.indexOf(p.first()), captures.indexOf(p.second())))
                .toArray();
        double[] nonMated = pairs.stream().filter(p -> !p.mated())
                .mapToDouble(p -> captures.score(captures.indexOf(p.first()), captures.indexOf(p.second())))
                .toArray();
        return new PairScores(mated, nonMated);
    }

    private static List<LfwImage> imagesOf(Map<String, List<LfwImage>> byPerson, Set<String> people) {
        List<LfwImage> images = new ArrayList<>();
        for (String person : people) {
            images.addAll(byPerson.getOrDefault(person, List.of()));
        }
        return images;
    }

    static String key(OperatingPoint point) {
        return "fmr_" + rate(point.falseMatchRate());
    }

    static String rate(double r) {
        return EvalFacesCommand.rateKey(r);
    }
}
