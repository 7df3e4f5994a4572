package org.borderid.face.engine;

import org.borderid.face.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Engine-internal: warps a face onto the standard five-point template with the similarity transform of its landmarks.
 */
public final class FaceAligner {
    /**
     * The five-point template of 112×112 face crops (eyes, nose tip, mouth corners; subject's right first), as used to
     * train ArcFace/InsightFace-family models, MobileFaceNet and SFace (InsightFace {@code arcface_dst}; OpenCV's
     * {@code FaceRecognizerSF::alignCrop}). Pixels in a 112×112 crop; scaled for other input sizes.
     */
    static final double[] TEMPLATE_112 = {
        38.2946, 51.6963,
        73.5318, 51.5014,
        56.0252, 71.7366,
        41.5493, 92.3655,
        70.7299, 92.2041,
    };

    private FaceAligner() {}

    /**
     * The aligned crop: an 8-bit BGR {@code width × height} image (the caller releases it). Parts of the crop outside
     * the source image are black.
     */
    public static Mat align(Mat bgr, FaceLandmarks landmarks, int width, int height) {
        double[] src = {
            landmarks.rightEye().x(), landmarks.rightEye().y(),
            landmarks.leftEye().x(), landmarks.leftEye().y(),
            landmarks.noseTip().x(), landmarks.noseTip().y(),
            landmarks.rightMouthCorner().x(), landmarks.rightMouthCorner().y(),
            landmarks.leftMouthCorner().x(), landmarks.leftMouthCorner().y(),
        };
        double[] dst = new double[TEMPLATE_112.length];
        for (int i = 0; i < dst.length; i += 2) {
            dst[i] = TEMPLATE_112[i] * width / 112.0;
            dst[i + 1] = TEMPLATE_112[i + 1] * height / 112.0;
        }
        double[] m = SimilarityTransform.estimate(src, dst);
        Mat transform = new Mat(2, 3, CvType.CV_64F);
        Mat aligned = new Mat();
        try {
            transform.put(0, 0, m);
            Imgproc.warpAffine(bgr, aligned, transform, new Size(width, height), Imgproc.INTER_LINEAR,
                    Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
            return aligned;
        } catch (RuntimeException e) {
            aligned.release();
            throw e;
        } finally {
            transform.release();
        }
    }
}
