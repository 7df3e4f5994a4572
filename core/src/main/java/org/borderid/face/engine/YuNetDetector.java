package org.borderid.face.engine;

import java.util.ArrayList;
import java.util.List;
import org.borderid.face.FaceBox;
import org.borderid.face.FaceLandmarks;
import org.borderid.face.FaceLandmarks.Point;
import org.borderid.face.FaceModelException;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * Engine-internal: YuNet face detection ({@link FaceDetectorYN}) returning boxes and five landmarks.
 *
 * <p>Not thread-safe (one per worker). Images larger than {@code maxSide} are downscaled for detection and the results
 * mapped back to input coordinates. OpenCV's Java API has no explicit release for {@link FaceDetectorYN}: its native
 * object is freed by OpenCV's finalizer once this detector is unreachable.
 */
public final class YuNetDetector {
    /**
     * Non-maximum-suppression IoU threshold, 0..1. 0.3 is the value of OpenCV's YuNet sample and the OpenCV zoo demo;
     * overlapping boxes of one face merge, adjacent faces in a group stay apart.
     */
    public static final float NMS_THRESHOLD = 0.3f;
    /** Most candidate boxes kept before NMS; OpenCV's default (5000). */
    public static final int TOP_K = 5000;
    /** Detections whose eyes are closer than this, pixels, are dropped: no similarity transform can align them. */
    static final double MIN_EYE_DISTANCE = 1.0;

    private final FaceDetectorYN detector;
    private final int maxSide;

    /**
     * Loads YuNet from the model bytes and checks it with a detection on a blank image.
     *
     * @param model          the ONNX bytes
     * @param file           where they came from (for messages)
     * @param scoreThreshold minimum confidence of a face, 0..1
     * @param maxSide        longest image side given to the network, pixels; larger images are downscaled
     * @throws FaceModelException {@code CORRUPT} if OpenCV cannot load the model, {@code INCOMPATIBLE} if it is not a
     *                            YuNet detector
     */
    public YuNetDetector(byte[] model, String file, float scoreThreshold, int maxSide) {
        OpenCvNatives.ensureLoaded();
        this.maxSide = maxSide;
        MatOfByte buffer = new MatOfByte(model);
        MatOfByte noConfig = new MatOfByte();
        try {
            detector = FaceDetectorYN.create("onnx", buffer, noConfig, new Size(320, 320), scoreThreshold,
                    NMS_THRESHOLD, TOP_K, Dnn.DNN_BACKEND_OPENCV, Dnn.DNN_TARGET_CPU);
        } catch (RuntimeException e) { // cv::Exception arrives as org.opencv.core.CvException
            throw new FaceModelException(FaceModelException.Reason.CORRUPT,
                    "face detector model file " + file + " cannot be loaded by OpenCV: " + e.getMessage(), e);
        } finally {
            buffer.release();
            noConfig.release();
        }
        Mat blank = new Mat(64, 64, CvType.CV_8UC3, new Scalar(128, 128, 128));
        try {
            detect(blank);
        } catch (RuntimeException e) {
            throw new FaceModelException(FaceModelException.Reason.INCOMPATIBLE,
                    "face detector model file " + file + " is not a YuNet face detector: " + e.getMessage(), e);
        } finally {
            blank.release();
        }
    }

    /**
     * Detects faces in an 8-bit BGR image.
     *
     * @return the faces, in input-image coordinates, in the detector's order
     */
    public List<Detection> detect(Mat bgr) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(bgr.cols(), bgr.rows()));
        Mat input = bgr;
        Mat faces = new Mat();
        try {
            if (scale < 1) {
                input = new Mat();
                Imgproc.resize(bgr, input, new Size(Math.max(1, Math.round(bgr.cols() * scale)),
                        Math.max(1, Math.round(bgr.rows() * scale))), 0, 0, Imgproc.INTER_AREA);
                scale = (double) input.cols() / bgr.cols();
            }
            detector.setInputSize(input.size());
            detector.detect(input, faces);
            return read(faces, 1 / scale);
        } finally {
            faces.release();
            if (input != bgr) {
                input.release();
            }
        }
    }

    private static List<Detection> read(Mat faces, double toInput) {
        List<Detection> result = new ArrayList<>(faces.rows());
        float[] row = new float[15];
        for (int r = 0; r < faces.rows(); r++) {
            faces.get(r, 0, row);
            boolean finite = true;
            for (float v : row) {
                finite &= Float.isFinite(v);
            }
            if (!finite || !(row[2] > 0) || !(row[3] > 0)) {
                continue;
            }
            FaceBox box = new FaceBox(row[0] * toInput, row[1] * toInput, row[2] * toInput, row[3] * toInput,
                    Math.max(0, Math.min(1, row[14])));
            FaceLandmarks landmarks = new FaceLandmarks(point(row, 4, toInput), point(row, 6, toInput),
                    point(row, 8, toInput), point(row, 10, toInput), point(row, 12, toInput));
            if (landmarks.interEyeDistance() < MIN_EYE_DISTANCE) {
                continue; // degenerate landmarks cannot be aligned
            }
            result.add(new Detection(box, landmarks));
        }
        return result;
    }

    private static Point point(float[] row, int i, double toInput) {
        return new Point(row[i] * toInput, row[i + 1] * toInput);
    }
}
