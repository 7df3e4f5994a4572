package org.borderid.bench.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEmbedding;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceQuality;
import org.borderid.fixtures.lfw.LfwDataset;
import org.borderid.fixtures.lfw.LfwImage;
import org.borderid.fixtures.lfw.LfwPair;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * How each quality measurement relates to recognition: the evidence behind {@code FaceQualityPolicy}'s limits.
 *
 * <p>Synthetic degradations: for every mated pair of the given pairs file, the second photo is degraded step by step
 * (downscaled, blurred, darkened, washed out, flattened), encoded losslessly and captured by the product pipeline;
 * each step reports the median of the quality measurement it moves and the share of pairs still matching at the
 * model's FMR 1e-3 threshold. Natural variation: mated pairs binned by the larger |yaw| or |pitch| of their two
 * (undegraded) photos.
 */
final class FaceQualityStudy {
    /** One degradation step. */
    private record Step(String kind, double level, ToDoubleFunction<FaceQuality> measure, String measureName) {}

    private static final List<Step> STEPS = steps();

    private FaceQualityStudy() {}

    private static List<Step> steps() {
        List<Step> s = new ArrayList<>();
        for (double f : new double[] {1, 0.8, 0.6, 0.5, 0.4, 0.33, 0.25, 0.2}) {
            s.add(new Step("scale", f, FaceQuality::interEyeDistance, "inter_eye_distance"));
        }
        for (double sigma : new double[] {0, 1, 1.5, 2, 2.5, 3, 4}) {
            s.add(new Step("blur", sigma, FaceQuality::sharpness, "sharpness"));
        }
        for (double f : new double[] {1, 0.6, 0.4, 0.3, 0.2, 0.12}) {
            s.add(new Step("dark", f, FaceQuality::brightness, "brightness"));
        }
        for (double f : new double[] {1, 0.6, 0.4, 0.3, 0.2, 0.12}) {
            s.add(new Step("bright", f, FaceQuality::brightness, "brightness"));
        }
        for (double f : new double[] {1, 0.5, 0.35, 0.25, 0.15, 0.1}) {
            s.add(new Step("contrast", f, FaceQuality::contrast, "contrast"));
        }
        return List.copyOf(s);
    }

    /**
     * Runs the study on the mated pairs of {@code pairs}.
     *
     * @param threshold the cosine threshold a pair must reach to count as matched (the calibrated FMR 1e-3 one)
     */
    static Map<String, Object> run(FaceEngine engine, LfwDataset dataset, List<LfwPair> pairs, double threshold,
            int threads, Consumer<String> log) throws InterruptedException {
        OpenCvNatives.ensureLoaded();
        List<LfwPair> mated = pairs.stream().filter(LfwPair::mated).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // reference captures: both photos of every pair, undegraded
            List<FaceCapture> firsts = captureAll(pool, mated, p -> read(dataset, p.first()), engine);
            List<FaceCapture> seconds = captureAll(pool, mated, p -> read(dataset, p.second()), engine);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("pairs", mated.size());
            report.put("threshold_fmr_1e-3", threshold);
            List<Object> rows = new ArrayList<>();
            for (Step step : STEPS) {
                List<FaceCapture> degraded = captureAll(pool, mated,
                        p -> degrade(read(dataset, p.second()), step), engine);
                rows.add(row(step, firsts, degraded, threshold));
                log.accept("quality study: " + step.kind() + " " + step.level());
            }
            report.put("degradations", rows);
            report.put("by_yaw", binned(firsts, seconds, threshold, q -> Math.abs(q.yaw()),
                    new double[] {0, 10, 20, 30, 45, 90}));
            report.put("by_pitch", binned(firsts, seconds, threshold, q -> Math.abs(q.pitch()),
                    new double[] {0, 10, 20, 30, 90}));
            return report;
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] read(LfwDataset dataset, LfwImage image) {
        try {
            return Files.readAllBytes(dataset.path(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FaceCapture> captureAll(ExecutorService pool, List<LfwPair> pairs,
            java.util.function.Function<LfwPair, byte[]> image, FaceEngine engine) throws InterruptedException {
        List<Future<FaceCapture>> futures = new ArrayList<>();
        for (LfwPair p : pairs) {
            futures.add(pool.submit(() -> engine.capture(image.apply(p))));
        }
        List<FaceCapture> result = new ArrayList<>();
        for (Future<FaceCapture> f : futures) {
            try {
                result.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("capture failed: " + e.getCause(), e.getCause());
            }
        }
        return result;
    }

    /** Decodes, degrades and re-encodes (PNG, lossless) a photo. */
    private static byte[] degrade(byte[] jpeg, Step step) {
        MatOfByte in = new MatOfByte(jpeg);
        Mat image = Imgcodecs.imdecode(in, Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        MatOfByte encoded = new MatOfByte();
        try {
            double v = step.level();
            switch (step.kind()) {
                case "scale" -> Imgproc.resize(image, out, new Size(Math.round(image.cols() * v),
                        Math.round(image.rows() * v)), 0, 0, Imgproc.INTER_AREA);
                case "blur" -> {
                    if (v == 0) {
                        image.copyTo(out);
                    } else {
                        Imgproc.GaussianBlur(image, out, new Size(0, 0), v);
                    }
                }
                case "dark" -> image.convertTo(out, -1, v, 0); // x·v
                case "bright" -> image.convertTo(out, -1, v, 255 * (1 - v)); // 255 − (255 − x)·v
                case "contrast" -> image.convertTo(out, -1, v, 128 * (1 - v)); // 128 + (x − 128)·v
                default -> throw new IllegalArgumentException(step.kind());
            }
            Imgcodecs.imencode(".png", out, encoded);
            return encoded.toArray();
        } finally {
            in.release();
            image.release();
            out.release();
            encoded.release();
        }
    }

    private static Map<String, Object> row(Step step, List<FaceCapture> reference, List<FaceCapture> degraded,
            double threshold) {
        List<Double> measures = new ArrayList<>();
        int failures = 0;
        int matches = 0;
        for (int i = 0; i < degraded.size(); i++) {
            FaceCapture d = degraded.get(i);
            if (d instanceof FaceCapture.Face face) {
                measures.add(step.measure().applyAsDouble(face.quality()));
                if (reference.get(i) instanceof FaceCapture.Face ref
                        && ref.embedding().cosine(face.embedding()) >= threshold) {
                    matches++;
                }
            } else {
                failures++;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("degradation", step.kind());
        r.put("level", step.level());
        r.put("measure", step.measureName());
        r.put("median", median(measures));
        r.put("p10", percentile(measures, 0.10));
        r.put("p90", percentile(measures, 0.90));
        r.put("detection_failures", failures);
        r.put("tar_at_fmr_1e-3", (double) matches / degraded.size());
        return r;
    }

    private static List<Object> binned(List<FaceCapture> firsts, List<FaceCapture> seconds, double threshold,
            ToDoubleFunction<FaceQuality> measure, double[] edges) {
        int bins = edges.length - 1;
        int[] n = new int[bins];
        int[] matched = new int[bins];
        for (int i = 0; i < firsts.size(); i++) {
            if (firsts.get(i) instanceof FaceCapture.Face a && seconds.get(i) instanceof FaceCapture.Face b) {
                double worst = Math.max(measure.applyAsDouble(a.quality()), measure.applyAsDouble(b.quality()));
                for (int k = 0; k < bins; k++) {
                    if (worst >= edges[k] && worst < edges[k + 1]) {
                        n[k]++;
                        FaceEmbedding ea = a.embedding();
                        matched[k] += ea.cosine(b.embedding()) >= threshold ? 1 : 0;
                    }
                }
            }
        }
        List<Object> rows = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("from_degrees", edges[k]);
            r.put("to_degrees", edges[k + 1]);
            r.put("pairs", n[k]);
            r.put("tar_at_fmr_1e-3", n[k] == 0 ? Double.NaN : (double) matched[k] / n[k]);
            rows.add(r);
        }
        return rows;
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.floor(p * v.length))];
    }
}
