package org.borderid.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Limits that turn {@link FaceQuality} measurements into {@link QualityIssue}s. The engine reports the issues with
 * every capture and, when its quality gate is on, refuses faces that have any ({@link FaceCapture.LowQuality}).
 *
 * <p>Two presets: {@link #KIOSK} for live capture at a checkpoint (ICAO / ISO/IEC 19794-5-style guidance: move
 * closer, look at the camera) and {@link #RECOGNITION}, the limits beyond which the embedder itself was measured to
 * degrade. The measurements behind each value are in {@code docs/face.md}.
 *
 * @param minInterEyeDistance smallest inter-eye distance, pixels of the input image (≥ 0)
 * @param maxYaw              largest |yaw|, degrees (0..90)
 * @param maxPitch            largest |pitch|, degrees (0..90)
 * @param maxRoll             largest |roll|, degrees (0..180)
 * @param minSharpness        smallest Laplacian variance of the aligned crop (≥ 0)
 * @param minBrightness       darkest accepted mean gray level of the face, 0..255
 * @param maxBrightness       brightest accepted mean gray level of the face, 0..255
 * @param minContrast         smallest gray-level standard deviation of the face, 0..128
 * @param minConfidence       smallest detector confidence, 0..1
 * @param singleFace          whether several faces in the image are an issue
 * @param requireInFrame      whether a face touching the image border is an issue
 */
public record FaceQualityPolicy(double minInterEyeDistance, double maxYaw, double maxPitch, double maxRoll,
        double minSharpness, double minBrightness, double maxBrightness, double minContrast, double minConfidence,
        boolean singleFace, boolean requireInFrame) {

    /**
     * Live capture at a kiosk and enrolment photos: guidance in the spirit of ICAO 9303 / ISO/IEC 19794-5.
     * <ul>
     * <li>inter-eye distance ≥ 60 px: the ISO/IEC 19794-5 token face image minimum (ICAO recommends 90 px for a full
     * frontal image);</li>
     * <li>|yaw|, |pitch| ≤ 15°, |roll| ≤ 8°: ISO/IEC 19794-5 asks for ±5° yaw and pitch and ±8° roll; yaw and pitch
     * from five landmarks are estimates (their depth constant alone scales them by ±20%), so 15° flags clear head turns
     * without nagging travellers who face the camera;</li>
     * <li>sharpness ≥ 48, brightness 53..182, contrast ≥ 19: one degradation step safer than {@link #RECOGNITION}
     * (the medians at Gaussian blur σ = 1, darkening to 0.4, washing out to 0.6, contrast 0.5 in the LFW quality
     * study, each within 1 point of the undegraded TAR at FMR 1e-3);</li>
     * <li>detector confidence ≥ 0.8 (every LFW face scores ≥ 0.86, 1% below 0.90), one face in view, face inside the
     * frame.</li>
     * </ul>
     */
    public static final FaceQualityPolicy KIOSK = new FaceQualityPolicy(60, 15, 15, 8, 48, 53, 182, 19, 0.8, true,
            true);

    /**
     * The limits of the embedder itself, from the LFW quality study ({@code ./borderid eval faces lfw
     * --quality-study}, 500 mated pairs of {@code pairsDevTest.txt}, one photo degraded): each limit is the median
     * measurement at the last degradation step whose TAR at FMR 1e-3 stays within 2 points of the undegraded 97.2%
     * (inter-eye distance 17 px at 0.4× size; sharpness 25 at blur σ = 1.5; brightness 40 at 0.3× and 206 when
     * washed out to 0.4; contrast 13 at 0.35×; one step further loses 4 to 6 points). Pose: LFW's mated pairs match
     * as well up to 45° of estimated yaw (few pairs beyond) and up to 20° of pitch (4 pairs beyond); roll is removed
     * by the alignment. Several faces and faces touching the border are not issues here; the confidence floor is the
     * default detection threshold.
     */
    public static final FaceQualityPolicy RECOGNITION = new FaceQualityPolicy(17, 45, 30, 180, 25, 40, 206, 13, 0.6,
            false, false);

    public FaceQualityPolicy {
        check("minInterEyeDistance", minInterEyeDistance, 0, Double.MAX_VALUE);
        check("maxYaw", maxYaw, 0, 90);
        check("maxPitch", maxPitch, 0, 90);
        check("maxRoll", maxRoll, 0, 180);
        check("minSharpness", minSharpness, 0, Double.MAX_VALUE);
        check("minBrightness", minBrightness, 0, 255);
        check("maxBrightness", maxBrightness, minBrightness, 255);
        check("minContrast", minContrast, 0, 128);
        check("minConfidence", minConfidence, 0, 1);
    }

    /** The issues of a face under this policy, in {@link QualityIssue} order; empty when it passes. */
    public List<QualityIssue> issues(FaceQuality quality, int facesSeen) {
        Objects.requireNonNull(quality, "quality");
        List<QualityIssue> issues = new ArrayList<>();
        if (quality.interEyeDistance() < minInterEyeDistance) {
            issues.add(QualityIssue.FACE_TOO_SMALL);
        }
        if (requireInFrame && !quality.inFrame()) {
            issues.add(QualityIssue.FACE_NOT_IN_FRAME);
        }
        if (singleFace && facesSeen > 1) {
            issues.add(QualityIssue.MULTIPLE_FACES);
        }
        if (Math.abs(quality.yaw()) > maxYaw || Math.abs(quality.pitch()) > maxPitch) {
            issues.add(QualityIssue.NOT_FRONTAL);
        }
        if (Math.abs(quality.roll()) > maxRoll) {
            issues.add(QualityIssue.HEAD_TILTED);
        }
        if (quality.sharpness() < minSharpness) {
            issues.add(QualityIssue.BLURRED);
        }
        if (quality.brightness() < minBrightness) {
            issues.add(QualityIssue.UNDEREXPOSED);
        }
        if (quality.brightness() > maxBrightness) {
            issues.add(QualityIssue.OVEREXPOSED);
        }
        if (quality.contrast() < minContrast) {
            issues.add(QualityIssue.LOW_CONTRAST);
        }
        if (quality.confidence() < minConfidence) {
            issues.add(QualityIssue.LOW_CONFIDENCE);
        }
        return List.copyOf(issues);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
    }
}
