package org.borderid.face;

import java.util.Objects;
import org.borderid.face.engine.FacePipeline;
import org.borderid.face.engine.FaceWorker;
import org.borderid.face.engine.ModelFile;
import org.borderid.face.engine.WorkerPool;
import org.borderid.image.ImageFormatException;

/**
 * The face engine: finds the subject's face in a photo, measures its quality, aligns it and computes its embedding.
 *
 * <pre>{@code
 * try (FaceEngine engine = FaceEngine.open(FaceEngineConfig.of(yunetFile,
 *         FaceModelDescriptor.MOBILEFACENET.withFile(mobileFaceNetFile)))) {
 *     if (engine.capture(passportJpeg) instanceof FaceCapture.Face passport
 *             && engine.capture(liveJpeg) instanceof FaceCapture.Face live) {
 *         boolean same = engine.matcher(passport.embedding()).match(live.embedding())
 *                 .meets(OperatingPoint.FMR_1E3);
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: up to {@link FaceEngineConfig#maxConcurrency()} captures run at once, each on its own detector and
 * embedder instance (OpenCV's networks are not thread-safe); further callers wait. Models are read, checksummed and
 * verified (a detection and a forward pass) when the engine opens, so a missing, damaged or mis-described model fails
 * here, naming the file.
 *
 * <p>Speed: a capture runs single-threaded inside OpenCV only if the application calls
 * {@code org.opencv.core.Core.setNumThreads(1)}; otherwise OpenCV parallelises each network over its own threads.
 * Servers running several captures at once should set it (docs/face.md).
 */
public final class FaceEngine implements AutoCloseable {
    private final FaceEngineConfig config;
    private final WorkerPool<FaceWorker> workers;

    private FaceEngine(FaceEngineConfig config, WorkerPool<FaceWorker> workers) {
        this.config = config;
        this.workers = workers;
    }

    /**
     * Reads, checks and loads the models.
     *
     * @throws FaceModelException if a model file is missing, damaged ({@code CHECKSUM_MISMATCH}, {@code CORRUPT}) or
     *                            does not match its descriptor ({@code INCOMPATIBLE}); the message names the file
     */
    public static FaceEngine open(FaceEngineConfig config) {
        Objects.requireNonNull(config, "config");
        byte[] detector = ModelFile.read(config.detectorModel(), config.detectorSha256(), "face detector");
        byte[] embedder = ModelFile.read(config.embedder().file(), config.embedder().sha256(),
                "face embedding '" + config.embedder().name() + "'");
        FaceWorker first = FaceWorker.load(config, detector, embedder);
        return new FaceEngine(config, new WorkerPool<>(config.maxConcurrency(),
                () -> FaceWorker.load(config, detector, embedder), first));
    }

    /**
     * Captures the subject's face from an encoded photo (JPEG, PNG, BMP or TIFF; colour or gray, with or without
     * alpha). When the image holds several faces, the largest, most central one is the subject.
     *
     * @param encodedImage the file's bytes
     * @return {@link FaceCapture.Face}, {@link FaceCapture.LowQuality} (quality gate on) or {@link FaceCapture.NoFace}
     * @throws ImageFormatException  if the bytes are not a supported image, are corrupt or truncated, or the image is
     *                               too large (refused from its header, before decoding) or too small
     * @throws IllegalStateException if the engine is closed
     */
    public FaceCapture capture(byte[] encodedImage) {
        Objects.requireNonNull(encodedImage, "encodedImage");
        return workers.apply(worker -> FacePipeline.capture(encodedImage, worker, config));
    }

    /** A matcher comparing embeddings of this engine's model with the probe. */
    public FaceMatcher matcher(FaceEmbedding probe) {
        return new FaceMatcher(config.embedder(), probe);
    }

    /** The embedding model. */
    public FaceModelDescriptor model() {
        return config.embedder();
    }

    public FaceEngineConfig config() {
        return config;
    }

    /**
     * Refuses further captures and drops the models. Captures already running finish. Images are released as each
     * capture ends; the networks' native memory is freed by OpenCV's finalizers once unreachable (OpenCV's Java API has
     * no explicit release for networks).
     */
    @Override
    public void close() {
        workers.close();
    }
}
