package org.borderid.server.engine;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.borderid.OperatingPoint;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.FaceModelDescriptor;
import org.borderid.face.FaceModelException;
import org.borderid.face.FaceQualityPolicy;
import org.borderid.face.QualityIssue;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageLimits;
import org.borderid.opencv.OpenCvNatives;
import org.borderid.server.config.FaceConfig;
import org.borderid.server.service.CaptureIssue;
import org.borderid.server.service.FaceFeature;
import org.borderid.server.service.FaceGate;
import org.borderid.server.service.FaceReader;
import org.borderid.server.service.FaceVector;
import org.borderid.server.service.ScoreScale;

/**
 * The server's face reader over the core face engine ({@code org.borderid.face}): detection, quality, alignment and
 * embedding. The engine runs with its kiosk quality policy reported but not enforced, so one engine serves every
 * gate: {@link FaceGate#KIOSK} refuses what the kiosk policy flags, {@link FaceGate#RECOGNITION} re-checks the same
 * measurements against {@link FaceQualityPolicy#RECOGNITION}, {@link FaceGate#OFF} takes every detected face.
 * Thread-safe: the engine holds one detector and embedder per worker.
 */
public final class FaceEngineReader implements FaceReader, AutoCloseable {
    private final FaceEngine engine;
    private final ScoreScale scale;

    private FaceEngineReader(FaceEngine engine, ScoreScale scale) {
        this.engine = engine;
        this.scale = scale;
    }

    /**
     * The embedding model a configuration names, without loading it: {@code mobilefacenet} and {@code sface} are the
     * engine's built-in descriptors (with the configured file), anything else is a descriptor properties file.
     *
     * @throws FaceModelException if a descriptor file cannot be read or is invalid
     */
    public static FaceModelDescriptor descriptor(FaceConfig config) {
        return switch (config.embedder()) {
            case "mobilefacenet" -> FaceModelDescriptor.MOBILEFACENET.withFile(embedderFile(config));
            case "sface" -> FaceModelDescriptor.SFACE.withFile(embedderFile(config));
            default -> FaceModelDescriptor.read(Path.of(config.embedder()));
        };
    }

    /**
     * Loads and verifies the models.
     *
     * @param workers most captures at once (the server's worker count: one detector and embedder each)
     * @throws FaceModelException if a model is missing, damaged or mis-described, or the embedding model has no
     *                            calibrated thresholds (the server cannot turn its scores into evidence)
     */
    public static FaceEngineReader open(FaceConfig config, ImageLimits limits, int workers) {
        Objects.requireNonNull(config, "config");
        FaceModelDescriptor model = descriptor(config);
        Map<OperatingPoint, Double> thresholds = new EnumMap<>(OperatingPoint.class);
        for (OperatingPoint p : OperatingPoint.values()) {
            model.calibratedThreshold(p).ifPresent(t -> thresholds.put(p, t));
        }
        if (thresholds.size() < OperatingPoint.values().length) {
            throw new FaceModelException(FaceModelException.Reason.NOT_CALIBRATED, "face model '" + model.name()
                    + "' lacks calibrated thresholds for FMR 1e-2, 1e-3 and 1e-4, which the server needs to fuse "
                    + "and decide; measure them with ./borderid eval faces (docs/models.md)");
        }
        // Each worker runs one capture: OpenCV's own thread pool would only oversubscribe the cores.
        OpenCvNatives.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        FaceEngine engine = FaceEngine.open(FaceEngineConfig.of(Path.of(config.detector()), model)
                .withQuality(FaceQualityPolicy.KIOSK, false).withImageLimits(limits)
                .withMaxConcurrency(Math.max(1, Math.min(256, workers))));
        return new FaceEngineReader(engine, ScoreScale.of(thresholds));
    }

    @Override
    public Result read(String field, byte[] image, FaceGate gate) {
        FaceCapture capture;
        try {
            capture = engine.capture(image);
        } catch (ImageFormatException e) {
            return new Result.Undecodable(new CaptureIssue(field, "face", e.reason().name(),
                    "The face image cannot be used: " + e.getMessage()));
        }
        return switch (capture) {
            case FaceCapture.NoFace n -> new Result.Unusable(List.of(new CaptureIssue(field, "face", "NO_FACE",
                    n.guidance())));
            case FaceCapture.LowQuality q -> unusable(field, q.issues());
            case FaceCapture.Face f -> {
                List<QualityIssue> issues = switch (gate) {
                    case KIOSK -> f.issues();
                    case RECOGNITION -> FaceQualityPolicy.RECOGNITION.issues(f.quality(), f.facesSeen());
                    case OFF -> List.of();
                };
                yield issues.isEmpty() ? new Result.Usable(new FaceFeature(field, new FaceVector(
                        f.embedding().model(), f.embedding().vector()), f.facesSeen())) : unusable(field, issues);
            }
        };
    }

    @Override
    public String model() {
        return engine.model().name();
    }

    @Override
    public int dimension() {
        return engine.model().dimension();
    }

    @Override
    public ScoreScale scale() {
        return scale;
    }

    @Override
    public void close() {
        engine.close();
    }

    private static Result unusable(String field, List<QualityIssue> issues) {
        return new Result.Unusable(issues.stream().map(i -> new CaptureIssue(field, "face", i.name(), i.guidance()))
                .toList());
    }

    private static Path embedderFile(FaceConfig config) {
        if (config.embedderFile() == null || config.embedderFile().isBlank()) {
            throw new FaceModelException(FaceModelException.Reason.MISSING, "face.embedderFile (the "
                    + config.embedder() + " ONNX file) is required");
        }
        return Path.of(config.embedderFile());
    }
}
