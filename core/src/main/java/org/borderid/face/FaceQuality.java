package org.borderid.face;

/**
 * Quality measurements of one captured face, taken on the detected landmarks and on the aligned face crop the
 * embedder sees. {@link FaceQualityPolicy} turns them into {@link QualityIssue}s a kiosk can act on.
 *
 * @param interEyeDistance distance between the eye centres in the input image, pixels (ISO/IEC 19794-5's resolution
 *                         measure)
 * @param yaw              head rotation left/right estimated from the five landmarks, degrees (0 = frontal; sign:
 *                         positive when the nose is to the image's right of the eye midpoint)
 * @param pitch            head rotation up/down estimated from the five landmarks, degrees (0 = frontal, positive =
 *                         looking down)
 * @param roll             in-plane tilt of the eye line, degrees (0 = level, positive = clockwise in the image)
 * @param sharpness        variance of the Laplacian of the aligned face crop's gray levels (0 = flat; higher is
 *                         sharper; depends on the crop size of the model)
 * @param brightness       mean gray level of the aligned face region, 0..255
 * @param contrast         standard deviation of the gray levels of the aligned face region, 0..128
 * @param confidence       the detector's confidence, 0..1 (drops for occluded or unclear faces)
 * @param inFrame          whether the face box and all five landmarks lie inside the image
 */
public record FaceQuality(double interEyeDistance, double yaw, double pitch, double roll, double sharpness,
        double brightness, double contrast, double confidence, boolean inFrame) {
    public FaceQuality {
        check("interEyeDistance", interEyeDistance, 0, Double.MAX_VALUE);
        check("yaw", yaw, -90, 90);
        check("pitch", pitch, -90, 90);
        check("roll", roll, -180, 180);
        check("sharpness", sharpness, 0, Double.MAX_VALUE);
        check("brightness", brightness, 0, 255);
        check("contrast", contrast, 0, 128);
        check("confidence", confidence, 0, 1);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
    }
}
