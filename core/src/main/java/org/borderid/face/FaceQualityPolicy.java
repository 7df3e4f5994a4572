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
     * <li>inter-eye distance ≥ 60 px: ISO/IEC 19794-5 token face image minimum (ICAO recommends 90 px for a full
     * frontal image);</li>
     * <li>|yaw|, |pitch| ≤ 10° and |roll| ≤ 8°: ISO/IEC 19794-5 asks for ±5° yaw/pitch and ±8° roll; the yaw and pitch
     * estimated from five landmarks scatter by several degrees on frontal faces, so 10° flags real head turns without
     * nagging frontal travellers;</li>
     * <li>sharpness, brightness and contrast: the limits beyond which recognition was measured to degrade, with a
     * margin (docs/face.md);</li>
     * <li>detector confidence ≥ 0.8, one face in view, face inside the frame.</li>
     * </ul>
     */
    public static final FaceQualityPolicy KIOSK = new FaceQualityPolicy(60, 10, 10, 8, 40, 60, 200, 25, 0.8, true,
            true);

    /**
     * The limits of the embedder itself (measured on LFW by degrading images: docs/face.md): faces beyond them lose
     * accuracy measurably. Several faces and faces touching the border are not issues here.
     */
    public static final FaceQualityPolicy RECOGNITION = new FaceQualityPolicy(20, 45, 35, 180, 10, 30, 230, 12, 0.5,
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
