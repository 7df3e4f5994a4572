package org.borderid.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.borderid.face.FaceBox;
import org.borderid.face.FaceLandmarks;
import org.borderid.face.FaceLandmarks.Point;
import org.borderid.face.FaceQuality;
import org.borderid.opencv.OpenCvNatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class FaceQualityAssessorTest {
    @BeforeAll
    static void natives() {
        OpenCvNatives.ensureLoaded();
    }

    /** The template's landmarks, scaled by s and shifted by (dx, dy). */
    private static FaceLandmarks template(double s, double dx, double dy) {
        double[] t = FaceAligner.TEMPLATE_112;
        return new FaceLandmarks(new Point(t[0] * s + dx, t[1] * s + dy), new Point(t[2] * s + dx, t[3] * s + dy),
                new Point(t[4] * s + dx, t[5] * s + dy), new Point(t[6] * s + dx, t[7] * s + dy),
                new Point(t[8] * s + dx, t[9] * s + dy));
    }

    /**
     * Landmarks of a weak-perspective 3-D face turned by yaw and pitch (degrees): eyes at depth 0, the nose tip
     * {@link FaceQualityAssessor#NOSE_DEPTH_PER_EYE_DISTANCE} eye distances in front, the mouth at the eyes' depth.
     */
    private static FaceLandmarks turned(double yawDegrees, double pitchDegrees) {
        double eye = 35.0;
        double[][] model = { // x right, y down, z towards the camera
            {-eye / 2, 0, 0}, {eye / 2, 0, 0},
            {0, FaceQualityAssessor.FRONTAL_NOSE_HEIGHT * eye / FaceQualityAssessor.EYE_TO_MOUTH_RATIO,
                FaceQualityAssessor.NOSE_DEPTH_PER_EYE_DISTANCE * eye},
            {-eye * 0.4, eye / FaceQualityAssessor.EYE_TO_MOUTH_RATIO, 0},
            {eye * 0.4, eye / FaceQualityAssessor.EYE_TO_MOUTH_RATIO, 0},
        };
        double yaw = Math.toRadians(yawDegrees);
        double pitch = Math.toRadians(pitchDegrees);
        Point[] p = new Point[5];
        for (int i = 0; i < 5; i++) {
            double x = model[i][0];
            double y = model[i][1];
            double z = model[i][2];
            double x1 = x * Math.cos(yaw) + z * Math.sin(yaw); // turn about the vertical axis
            double z1 = -x * Math.sin(yaw) + z * Math.cos(yaw);
            double y2 = y * Math.cos(pitch) + z1 * Math.sin(pitch); // nod: the nose tip moves down
            p[i] = new Point(200 + x1, 200 + y2);
        }
        return new FaceLandmarks(p[0], p[1], p[2], p[3], p[4]);
    }

    @Test
    void aFrontalFaceIsLevelAndTheTemplateLooksSlightlyUp() {
        double[] pose = FaceQualityAssessor.pose(turned(0, 0));
        assertThat(pose[0]).isCloseTo(0, offset(0.01));
        assertThat(pose[1]).isCloseTo(0, offset(0.01));
        assertThat(pose[2]).isCloseTo(0, offset(0.01));
        // the alignment template's nose sits higher than YuNet's on frontal faces (docs/face.md)
        double[] template = FaceQualityAssessor.pose(template(2.5, 30, 40));
        assertThat(template[0]).isCloseTo(0, offset(0.5));
        assertThat(template[1]).isCloseTo(-11.5, offset(1.0));
    }

    @Test
    void rollIsTheAngleOfTheEyeLine() {
        FaceLandmarks lm = template(1, 0, 0);
        double angle = Math.toRadians(20);
        Point[] in = {lm.rightEye(), lm.leftEye(), lm.noseTip(), lm.rightMouthCorner(), lm.leftMouthCorner()};
        Point[] out = new Point[5];
        for (int i = 0; i < 5; i++) {
            out[i] = new Point(in[i].x() * Math.cos(angle) - in[i].y() * Math.sin(angle),
                    in[i].x() * Math.sin(angle) + in[i].y() * Math.cos(angle));
        }
        double[] pose = FaceQualityAssessor.pose(new FaceLandmarks(out[0], out[1], out[2], out[3], out[4]));
        double[] level = FaceQualityAssessor.pose(lm);
        assertThat(pose[2] - level[2]).isCloseTo(20, offset(0.01));
        assertThat(pose[0]).isCloseTo(level[0], offset(0.01));
        assertThat(pose[1]).isCloseTo(level[1], offset(0.01));
    }

    @Test
    void yawAndPitchOfATurnedModelFaceAreRecovered() {
        for (double yaw : new double[] {-30, -10, 0, 15, 35}) {
            double[] pose = FaceQualityAssessor.pose(turned(yaw, 0));
            assertThat(pose[0]).as("yaw %s", yaw).isCloseTo(yaw, offset(1.0));
            assertThat(pose[1]).as("pitch at yaw %s", yaw).isCloseTo(0, offset(2.0));
        }
        for (double pitch : new double[] {-20, -8, 12, 25}) {
            double[] pose = FaceQualityAssessor.pose(turned(0, pitch));
            assertThat(pose[1]).as("pitch %s", pitch).isCloseTo(pitch, offset(2.5));
            assertThat(pose[0]).as("yaw at pitch %s", pitch).isCloseTo(0, offset(0.5));
        }
    }

    @Test
    void sharpnessDropsWithBlurAndExposureFollowsTheGrayLevels() {
        Mat checker = new Mat(112, 112, CvType.CV_8UC3);
        Mat blurred = new Mat();
        Mat flat = new Mat(112, 112, CvType.CV_8UC3, new Scalar(40, 40, 40));
        try {
            byte[] row = new byte[112 * 3];
            for (int y = 0; y < 112; y++) {
                for (int x = 0; x < 112; x++) {
                    byte v = (byte) ((((x / 4) + (y / 4)) % 2 == 0) ? 60 : 190);
                    row[3 * x] = v;
                    row[3 * x + 1] = v;
                    row[3 * x + 2] = v;
                }
                checker.put(y, 0, row);
            }
            Imgproc.GaussianBlur(checker, blurred, new Size(0, 0), 2.0);
            FaceBox box = new FaceBox(10, 10, 90, 90, 0.9);
            FaceLandmarks lm = template(1, 0, 0);
            FaceQuality sharp = FaceQualityAssessor.assess(checker, box, lm, 112, 112);
            FaceQuality soft = FaceQualityAssessor.assess(blurred, box, lm, 112, 112);
            FaceQuality dark = FaceQualityAssessor.assess(flat, box, lm, 112, 112);
            assertThat(soft.sharpness()).isLessThan(sharp.sharpness() / 5);
            assertThat(sharp.brightness()).isCloseTo(125, offset(5.0));
            assertThat(sharp.contrast()).isCloseTo(65, offset(3.0));
            assertThat(dark.brightness()).isCloseTo(40, offset(0.5));
            assertThat(dark.contrast()).isCloseTo(0, offset(0.5));
            assertThat(dark.sharpness()).isCloseTo(0, offset(0.5));
            assertThat(sharp.inFrame()).isTrue();
            assertThat(FaceQualityAssessor.assess(checker, new FaceBox(-5, 10, 90, 90, 0.9), lm, 112, 112).inFrame())
                    .isFalse();
        } finally {
            checker.release();
            blurred.release();
            flat.release();
        }
    }
}
