package org.borderid.face.engine;

import org.borderid.face.FaceBox;
import org.borderid.face.FaceLandmarks;
import org.borderid.face.FaceLandmarks.Point;
import org.borderid.face.FaceQuality;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Engine-internal: measures a face's quality from its landmarks (size, pose, framing) and its aligned crop (sharpness,
 * exposure).
 */
public final class FaceQualityAssessor {
    /**
     * Depth of the nose tip in front of the eye centres as a fraction of the inter-eye distance (dimensionless). From
     * the generic 3-D face model of OpenCV's head-pose examples (eye-corner depth 135 units behind the nose tip,
     * outer eye corners 450 units apart, eye centres about 0.7 of that apart): ≈ 0.4. Only scales the yaw and pitch
     * estimates; an error of 20% here moves a 10° estimate by about 2°.
     */
    static final double NOSE_DEPTH_PER_EYE_DISTANCE = 0.4;
    /**
     * Nose-tip height between the eye line (0) and the mouth line (1) of a frontal face as YuNet places the landmarks:
     * 0.565, the median over LFW's 13,233 faces (press photos, mostly frontal; {@code ./borderid eval faces}, quality
     * section, measured with the template value and shifted by its median pitch of 11.5°). The 112×112 alignment
     * template, made with another landmark detector, has 0.495: YuNet puts the nose tip lower relative to the mouth
     * corners.
     */
    static final double FRONTAL_NOSE_HEIGHT = 0.565;
    /** Inter-eye distance over eye-to-mouth distance in the template (frontal), dimensionless: ≈ 0.866. */
    static final double EYE_TO_MOUTH_RATIO = (73.5318 - 38.2946)
            / ((92.3655 + 92.2041) / 2 - (51.6963 + 51.5014) / 2);
    /**
     * The face region of the aligned crop on which sharpness and exposure are measured, as fractions of the crop:
     * x 0.21..0.79, y 0.25..0.93 of a 112×112 crop (brows to chin between the cheeks; little background or hair).
     */
    static final double REGION_LEFT = 0.21;
    static final double REGION_RIGHT = 0.79;
    static final double REGION_TOP = 0.25;
    static final double REGION_BOTTOM = 0.93;

    private FaceQualityAssessor() {}

    /**
     * Measures the quality of a detected face.
     *
     * @param aligned     the aligned 8-bit BGR crop
     * @param box         the detection box in the input image
     * @param landmarks   the landmarks in the input image
     * @param imageWidth  input image width, pixels
     * @param imageHeight input image height, pixels
     */
    public static FaceQuality assess(Mat aligned, FaceBox box, FaceLandmarks landmarks, int imageWidth,
            int imageHeight) {
        double[] pose = pose(landmarks);
        double[] exposure = new double[3];
        measureCrop(aligned, exposure);
        return new FaceQuality(landmarks.interEyeDistance(), pose[0], pose[1], pose[2], exposure[0], exposure[1],
                exposure[2], box.confidence(), inFrame(box, landmarks, imageWidth, imageHeight));
    }

    /**
     * Yaw, pitch and roll in degrees from a weak-perspective model of the five landmarks: roll is the angle of the eye
     * line; in the roll-free face frame, yaw follows from the nose tip's sideways offset from the eye midpoint
     * ({@code tan yaw = offset / (depth × projected eye distance)}) and pitch from the nose tip's height between the
     * eye and mouth lines relative to its frontal height.
     */
    static double[] pose(FaceLandmarks lm) {
        Point re = lm.rightEye();
        Point le = lm.leftEye();
        double ex = le.x() - re.x();
        double ey = le.y() - re.y();
        double eyeDistance = Math.hypot(ex, ey);
        double ux = ex / eyeDistance; // unit vector along the eye line
        double uy = ey / eyeDistance;
        double vx = -uy; // unit vector down the face
        double vy = ux;
        double mx = (re.x() + le.x()) / 2;
        double my = (re.y() + le.y()) / 2;
        double nx = lm.noseTip().x() - mx;
        double ny = lm.noseTip().y() - my;
        double mouthX = (lm.rightMouthCorner().x() + lm.leftMouthCorner().x()) / 2 - mx;
        double mouthY = (lm.rightMouthCorner().y() + lm.leftMouthCorner().y()) / 2 - my;

        double roll = Math.toDegrees(Math.atan2(ey, ex));
        double sideways = nx * ux + ny * uy;
        double yaw = Math.toDegrees(Math.atan(sideways / (NOSE_DEPTH_PER_EYE_DISTANCE * eyeDistance)));
        double mouthDown = mouthX * vx + mouthY * vy;
        double noseDown = nx * vx + ny * vy;
        double pitch = 0;
        if (mouthDown > 1e-6) {
            double noseHeight = noseDown / mouthDown;
            double depth = NOSE_DEPTH_PER_EYE_DISTANCE * EYE_TO_MOUTH_RATIO; // in eye-to-mouth units
            pitch = Math.toDegrees(Math.atan((noseHeight - FRONTAL_NOSE_HEIGHT) / depth));
        } else {
            pitch = 90; // mouth at or above the eye line: the head is far from upright
        }
        return new double[] {yaw, pitch, roll};
    }

    /** Fills {sharpness, brightness, contrast} from the face region of the aligned crop. */
    private static void measureCrop(Mat aligned, double[] out) {
        int w = aligned.cols();
        int h = aligned.rows();
        Rect region = new Rect((int) Math.round(w * REGION_LEFT), (int) Math.round(h * REGION_TOP),
                (int) Math.round(w * (REGION_RIGHT - REGION_LEFT)), (int) Math.round(h * (REGION_BOTTOM - REGION_TOP)));
        Mat gray = new Mat();
        Mat roi = null;
        Mat laplacian = new Mat();
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        try {
            Imgproc.cvtColor(aligned, gray, Imgproc.COLOR_BGR2GRAY);
            roi = gray.submat(region);
            Imgproc.Laplacian(roi, laplacian, CvType.CV_64F);
            Core.meanStdDev(laplacian, mean, std);
            double s = std.get(0, 0)[0];
            out[0] = s * s;
            Core.meanStdDev(roi, mean, std);
            out[1] = Math.max(0, Math.min(255, mean.get(0, 0)[0]));
            out[2] = Math.max(0, Math.min(128, std.get(0, 0)[0]));
        } finally {
            gray.release();
            if (roi != null) {
                roi.release();
            }
            laplacian.release();
            mean.release();
            std.release();
        }
    }

    /** Whether every landmark and the face box lie inside the image. */
    private static boolean inFrame(FaceBox box, FaceLandmarks lm, int width, int height) {
        return box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= width && box.y() + box.height() <= height
                && inside(lm.rightEye(), width, height) && inside(lm.leftEye(), width, height)
                && inside(lm.noseTip(), width, height) && inside(lm.rightMouthCorner(), width, height)
                && inside(lm.leftMouthCorner(), width, height);
    }

    private static boolean inside(Point p, int width, int height) {
        return p.x() >= 0 && p.y() >= 0 && p.x() < width && p.y() < height;
    }
}
