package org.borderid.bench.face;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderid.bench.plot.FigureWriter;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.FaceModelDescriptor;
import org.borderid.face.FaceQualityPolicy;
import org.borderid.fixtures.lfw.LfwDataset;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.Core;

/**
 * {@code borderid eval faces <lfw folder> [--json FILE] [--roc FILE.svg] [--pairs FILE] [--model NAME|FILE]
 * [--model-file FILE] [--detector FILE] [--detection-threshold T] [--flip|--no-flip] [--quality-study]
 * [--threads N]}: the LFW evaluation of {@link FaceEvaluation}.
 */
public final class EvalFacesCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid eval faces <lfw folder> [options]
              lfw folder            LFW images (<person>/<person>_<nnnn>.jpg under images/, lfw/ or the folder) with
                                    View 1's pairsDevTrain.txt, pairsDevTest.txt, peopleDevTrain.txt, peopleDevTest.txt.
                                    A relative folder that does not exist is looked up under $BORDERID_SHARED/data/faces
              --json FILE           write the figures as JSON
              --roc FILE            write the ROC plot, .svg or .png (default: the JSON file name with .svg)
              --pairs FILE          also evaluate this pairs file: View 1 format (accuracy at the calibrated threshold)
                                    or View 2's pairs.txt (10-fold accuracy, mean and standard deviation)
              --model NAME|FILE     mobilefacenet (default), sface, or a model descriptor .properties file
              --model-file FILE     the ONNX file of mobilefacenet or sface
                                    (default for mobilefacenet:
                                    $BORDERID_SHARED/models/mobilefacenet/mobilefacenet.onnx)
              --detector FILE       YuNet ONNX
                                    (default: $BORDERID_SHARED/models/yunet/face_detection_yunet_2023mar.onnx)
              --detection-threshold T   smallest detector confidence (default 0.6)
              --flip, --no-flip     average the embeddings of the face and its mirror image, or not
                                    (default: on, the engine's default)
              --quality-study       also degrade pairsDevTest's mated photos step by step (size, blur, exposure,
                                    contrast) and bin them by pose: how each quality measure relates to matching
              --threads N           capture threads (default: available processors; OpenCV single-threaded in each)
            """;

    @Override
    public String name() {
        return "faces";
    }

    @Override
    public String summary() {
        return "LFW face verification and identification: accuracy, TAR@FAR, EER, thresholds, ROC";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Arguments a = Arguments.parse(args);
        LfwDataset dataset = LfwDataset.open(a.folder());
        OpenCvNatives.ensureLoaded();
        Core.setNumThreads(1); // one capture per thread; OpenCV must not fan out inside each
        FaceEngineConfig config = FaceEngineConfig.of(a.detector(), a.model())
                .withDetectionThreshold(a.detectionThreshold()).withFlipAveraging(a.flip())
                .withQuality(FaceQualityPolicy.RECOGNITION, false).withMaxConcurrency(a.threads());
        FaceEvaluation.Result result;
        try (FaceEngine engine = FaceEngine.open(config)) {
            result = new FaceEvaluation(engine, dataset, a.threads(), a.pairs(), a.qualityStudy(), err::println)
                    .run();
        }
        print(result.report(), out);
        if (a.json() != null) {
            write(a.json(), Json.write(result.report()));
            err.println("wrote " + a.json());
        }
        Path roc = a.roc() != null ? a.roc()
                : a.json() != null ? a.json().resolveSibling(a.json().getFileName().toString()
                        .replaceFirst("(\\.json)?$", ".svg")) : null;
        if (roc != null) {
            FigureWriter.write(result.roc(), roc);
            err.println("wrote " + roc);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> report, PrintStream out) {
        Map<String, Object> capture = (Map<String, Object>) report.get("capture");
        Map<String, Object> calibration = (Map<String, Object>) report.get("calibration");
        Map<String, Object> thresholds = (Map<String, Object>) calibration.get("fmr_thresholds");
        Map<String, Object> test = (Map<String, Object>) report.get("test");
        Map<String, Object> ids = (Map<String, Object>) report.get("test_identities");
        Map<String, Object> ident = (Map<String, Object>) report.get("identification");
        out.printf(Locale.ROOT, "images %d, detection failures %d (%.3f%%), %.1f images/s on %d threads%n",
                capture.get("images"), capture.get("detection_failures"),
                100 * (double) capture.get("detection_failure_rate"), (double) capture.get("images_per_second"),
                capture.get("threads"));
        out.printf(Locale.ROOT, "calibration (%,d impostor pairs of the training people): FMR 1e-2 %.4f, 1e-3 %.4f,"
                + " 1e-4 %.4f; accuracy threshold %.4f (pairsDevTrain accuracy %.4f)%n",
                calibration.get("impostor_pairs"), thresholds.get("fmr_1e-2"), thresholds.get("fmr_1e-3"),
                thresholds.get("fmr_1e-4"), calibration.get("accuracy_threshold"), calibration.get("train_accuracy"));
        out.printf(Locale.ROOT, "View 1 test: accuracy %.4f (%.4f at the training people's balanced threshold), "
                + "TAR@FAR1e-2 %.4f, TAR@FAR1e-3 %.4f, EER %.4f, detection failures %d%n", test.get("accuracy"),
                test.get("accuracy_at_train_identities_threshold"), test.get("tar_at_far_1e-2"),
                test.get("tar_at_far_1e-3"), test.get("eer"), test.get("detection_failure_count"));
        out.printf(Locale.ROOT, "test people (%,d mated / %,d non-mated pairs): EER %.4f%n", ids.get("mated_pairs"),
                ids.get("non_mated_pairs"), ids.get("eer"));
        Map<String, Object> at = (Map<String, Object>) ids.get("at_calibrated_thresholds");
        for (Map.Entry<String, Object> e : at.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) e.getValue();
            out.printf(Locale.ROOT, "  %s threshold %.4f: FMR %.2e, TAR %.4f%n", e.getKey(), p.get("threshold"),
                    p.get("fmr"), p.get("tar"));
        }
        Map<String, Object> fpir = (Map<String, Object>) ident.get("at_fpir_1e-2");
        out.printf(Locale.ROOT, "identification (%d gallery, %d mated, %d non-mated probes): rank-1 %.4f, FNIR %.4f"
                + " at FPIR %.4f%n", ident.get("gallery"), ident.get("mated_probes"), ident.get("non_mated_probes"),
                ident.get("rank1_identification_rate"), fpir.get("fnir"), fpir.get("fpir"));
        if (report.get("pairs") instanceof Map<?, ?> pairs) {
            out.println("pairs file: " + pairs);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** {@code 1e-2} for 0.01: the key of a rate in the JSON report. */
    static String rateKey(double rate) {
        int exponent = (int) Math.round(Math.log10(rate));
        return Math.abs(Math.pow(10, exponent) - rate) < 1e-12 ? "1e" + exponent : Double.toString(rate);
    }

    /** Parsed command-line arguments. */
    record Arguments(Path folder, Path json, Path roc, Path pairs, FaceModelDescriptor model, Path detector,
            double detectionThreshold, boolean flip, boolean qualityStudy, int threads) {

        static Arguments parse(List<String> args) {
            Path folder = null;
            Path json = null;
            Path roc = null;
            Path pairs = null;
            String model = "mobilefacenet";
            Path modelFile = null;
            Path detector = FaceBenchData.yunet();
            double detectionThreshold = FaceEngineConfig.DEFAULT_DETECTION_THRESHOLD;
            boolean flip = FaceEngineConfig.DEFAULT_FLIP_AVERAGING;
            boolean qualityStudy = false;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--json" -> json = Path.of(value(args, ++i, arg));
                    case "--roc" -> roc = Path.of(value(args, ++i, arg));
                    case "--pairs" -> pairs = Path.of(value(args, ++i, arg));
                    case "--model" -> model = value(args, ++i, arg);
                    case "--model-file" -> modelFile = Path.of(value(args, ++i, arg));
                    case "--detector" -> detector = Path.of(value(args, ++i, arg));
                    case "--detection-threshold" -> detectionThreshold = number(value(args, ++i, arg), arg, 0, 1);
                    case "--flip" -> flip = true;
                    case "--no-flip" -> flip = false;
                    case "--quality-study" -> qualityStudy = true;
                    case "--threads" -> threads = (int) number(value(args, ++i, arg), arg, 1, 256);
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException("unknown option " + arg + "\n" + USAGE);
                        }
                        if (folder != null) {
                            throw new UsageException("one LFW folder only, got " + folder + " and " + arg);
                        }
                        folder = Path.of(arg);
                    }
                }
            }
            if (folder == null) {
                throw new UsageException("missing the LFW folder\n" + USAGE);
            }
            if (!Files.isDirectory(folder) && !folder.isAbsolute()) {
                Path shared = FaceBenchData.sharedRoot().resolve("data/faces").resolve(folder);
                if (Files.isDirectory(shared)) {
                    folder = shared;
                }
            }
            return new Arguments(folder, json, roc, pairs, descriptor(model, modelFile), detector,
                    detectionThreshold, flip, qualityStudy, threads);
        }

        private static FaceModelDescriptor descriptor(String model, Path modelFile) {
            FaceModelDescriptor d = switch (model) {
                case "mobilefacenet" -> FaceBenchData.mobileFaceNet();
                case "sface" -> FaceModelDescriptor.SFACE;
                default -> {
                    if (!model.endsWith(".properties")) {
                        throw new UsageException("--model is mobilefacenet, sface or a .properties descriptor, got "
                                + model);
                    }
                    yield FaceModelDescriptor.read(Path.of(model));
                }
            };
            return modelFile != null ? d.withFile(modelFile) : d;
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }

        private static double number(String text, String option, double min, double max) {
            try {
                double v = Double.parseDouble(text);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new UsageException(option + " must be a number in " + min + ".." + max + ", got " + text);
        }
    }
}
