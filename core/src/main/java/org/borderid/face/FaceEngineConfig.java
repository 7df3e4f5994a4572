package org.borderid.face;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.borderid.image.ImageLimits;

/**
 * Configuration of a {@link FaceEngine}: the models and the pipeline's tunables. Start from
 * {@link #of(Path, FaceModelDescriptor)} and change what you need with the {@code with...} methods.
 *
 * @param detectorModel      the YuNet ONNX file ({@code face_detection_yunet_2023mar.onnx})
 * @param detectorSha256     its expected lower-case hex SHA-256, or empty to skip the check
 * @param embedder           the embedding model
 * @param detectionThreshold smallest detector confidence of a face, 0..1
 * @param detectionMaxSide   longest image side the detector sees, pixels (64..4096); larger images are downscaled for
 *                           detection only (alignment uses full resolution)
 * @param flipAveraging      embed the mirrored face too and average (about twice the embedding time)
 * @param qualityPolicy      limits that turn quality measurements into issues
 * @param qualityGate        refuse faces with issues ({@link FaceCapture.LowQuality}) instead of embedding them
 * @param imageLimits        largest image accepted, checked from the header before decoding
 * @param maxConcurrency     most captures running at once (one detector and embedder instance each), 1..256
 */
public record FaceEngineConfig(Path detectorModel, String detectorSha256, FaceModelDescriptor embedder,
        double detectionThreshold, int detectionMaxSide, boolean flipAveraging, FaceQualityPolicy qualityPolicy,
        boolean qualityGate, ImageLimits imageLimits, int maxConcurrency) {

    /**
     * SHA-256 of the OpenCV zoo's {@code face_detection_yunet_2023mar.onnx} (232,589 bytes), the detector this engine
     * was tuned and measured with.
     */
    public static final String YUNET_2023MAR_SHA256 =
            "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4";

    /**
     * Default smallest detector confidence: 0.6. Measured on LFW's 13,233 images: the best face of every image scores
     * at least 0.86 (0.1% of images below 0.88), so 0.6 leaves a wide margin for captures harder than LFW; OpenCV's
     * sample default 0.9 misses 132 LFW images (1.0%). Lower values add background detections (images with several
     * faces: 2,571 at 0.5, 2,334 at 0.6, 2,085 at 0.7), which the subject selection mostly ignores (docs/face.md).
     */
    public static final double DEFAULT_DETECTION_THRESHOLD = 0.6;

    /**
     * Default longest side the detector sees: 640 px. YuNet finds faces of about 10..300 px (OpenCV zoo); a traveller
     * filling a 1920×1080 kiosk frame (face ~400..600 px) becomes ~130..200 px, and detection cost stays bounded for
     * 40-megapixel photos. Images up to 640 px (LFW's 250×250) are detected at their own size.
     */
    public static final int DEFAULT_DETECTION_MAX_SIDE = 640;

    /**
     * Default: flip averaging on (embed the aligned face and its mirror image, sum the two unit vectors). Test-time
     * flip augmentation is the standard evaluation protocol of ArcFace/InsightFace-style embedders, and on LFW it
     * helps every figure measured on identities disjoint from the calibration (docs/face.md): View 1 test accuracy
     * 98.80% against 98.40%, TAR at FMR 1e-4 on the test people 95.28% against 94.65%, open-set FNIR at FPIR 1e-2
     * 8.89% against 9.79%. Cost: a second forward pass of the embedding network (+9 to +13 ms single-threaded on the
     * reference machine, JMH {@code FaceBenchmark}). Turn it off with {@link #withFlipAveraging(boolean)} where
     * latency matters more than the last half point of accuracy; the model's thresholds hold for both (calibrated
     * with flip averaging, conservative without).
     */
    public static final boolean DEFAULT_FLIP_AVERAGING = true;

    private static final Pattern SHA256 = Pattern.compile("|[0-9a-f]{64}");

    public FaceEngineConfig {
        Objects.requireNonNull(detectorModel, "detectorModel");
        Objects.requireNonNull(detectorSha256, "detectorSha256");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(qualityPolicy, "qualityPolicy");
        Objects.requireNonNull(imageLimits, "imageLimits");
        if (!SHA256.matcher(detectorSha256).matches()) {
            throw new IllegalArgumentException("detectorSha256 must be empty or 64 lower-case hex digits");
        }
        if (!(detectionThreshold >= 0 && detectionThreshold <= 1)) {
            throw new IllegalArgumentException("detectionThreshold must be in 0..1: " + detectionThreshold);
        }
        if (detectionMaxSide < 64 || detectionMaxSide > 4096) {
            throw new IllegalArgumentException("detectionMaxSide must be 64..4096: " + detectionMaxSide);
        }
        if (maxConcurrency < 1 || maxConcurrency > 256) {
            throw new IllegalArgumentException("maxConcurrency must be 1..256: " + maxConcurrency);
        }
    }

    /**
     * Defaults: the 2023mar YuNet checksum, {@link #DEFAULT_DETECTION_THRESHOLD}, {@link #DEFAULT_DETECTION_MAX_SIDE},
     * {@link #DEFAULT_FLIP_AVERAGING}, the {@link FaceQualityPolicy#KIOSK} policy reported but not enforced,
     * {@link ImageLimits#DEFAULT} and one worker per available processor.
     */
    public static FaceEngineConfig of(Path detectorModel, FaceModelDescriptor embedder) {
        return new FaceEngineConfig(detectorModel, YUNET_2023MAR_SHA256, embedder, DEFAULT_DETECTION_THRESHOLD,
                DEFAULT_DETECTION_MAX_SIDE, DEFAULT_FLIP_AVERAGING, FaceQualityPolicy.KIOSK, false, ImageLimits.DEFAULT,
                Math.min(256, Runtime.getRuntime().availableProcessors()));
    }

    public FaceEngineConfig withDetectorSha256(String sha256) {
        return new FaceEngineConfig(detectorModel, sha256, embedder, detectionThreshold, detectionMaxSide,
                flipAveraging, qualityPolicy, qualityGate, imageLimits, maxConcurrency);
    }

    public FaceEngineConfig withDetectionThreshold(double threshold) {
        return new FaceEngineConfig(detectorModel, detectorSha256, embedder, threshold, detectionMaxSide,
                flipAveraging, qualityPolicy, qualityGate, imageLimits, maxConcurrency);
    }

    public FaceEngineConfig withDetectionMaxSide(int maxSide) {
        return new FaceEngineConfig(detectorModel, detectorSha256, embedder, detectionThreshold, maxSide,
                flipAveraging, qualityPolicy, qualityGate, imageLimits, maxConcurrency);
    }

    public FaceEngineConfig withFlipAveraging(boolean flip) {
        return new FaceEngineConfig(detectorModel, detectorSha256, embedder, detectionThreshold, detectionMaxSide,
                flip, qualityPolicy, qualityGate, imageLimits, maxConcurrency);
    }

    /** Another quality policy, enforced ({@code gate}) or only reported. */
    public FaceEngineConfig withQuality(FaceQualityPolicy policy, boolean gate) {
        return new FaceEngineConfig(detectorModel, detectorSha256, embedder, detectionThreshold, detectionMaxSide,
                flipAveraging, policy, gate, imageLimits, maxConcurrency);
    }

    public FaceEngineConfig withImageLimits(ImageLimits limits) {
        return new FaceEngineConfig(detectorModel, detectorSha256, embedder, detectionThreshold, detectionMaxSide,
                flipAveraging, qualityPolicy, qualityGate, limits, maxConcurrency);
    }

    public FaceEngineConfig withMaxConcurrency(int concurrency) {
        return new FaceEngineConfig(detectorModel, detectorSha256, embedder, detectionThreshold, detectionMaxSide,
                flipAveraging, qualityPolicy, qualityGate, imageLimits, concurrency);
    }
}
