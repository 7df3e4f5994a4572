package org.borderid.face;

import java.util.Objects;

/**
 * The five facial landmarks the detector reports, in the pixel coordinates of the input image.
 *
 * <p>Sides are the subject's own (ISO/IEC 19794-5 convention): in a frontal photo the subject's right eye appears on
 * the image's left.
 */
public record FaceLandmarks(Point rightEye, Point leftEye, Point noseTip, Point rightMouthCorner,
        Point leftMouthCorner) {

    /** An image point, pixels. */
    public record Point(double x, double y) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("non-finite point " + x + "," + y);
            }
        }
    }

    public FaceLandmarks {
        Objects.requireNonNull(rightEye, "rightEye");
        Objects.requireNonNull(leftEye, "leftEye");
        Objects.requireNonNull(noseTip, "noseTip");
        Objects.requireNonNull(rightMouthCorner, "rightMouthCorner");
        Objects.requireNonNull(leftMouthCorner, "leftMouthCorner");
    }

    /** Distance between the eye centres, pixels (ISO/IEC 19794-5's inter-eye distance). */
    public double interEyeDistance() {
        return Math.hypot(leftEye.x - rightEye.x, leftEye.y - rightEye.y);
    }
}
