package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaceQualityPolicyTest {
    /** A capture that passes the kiosk policy. */
    private static final FaceQuality GOOD = new FaceQuality(90, 2, -3, 1, 300, 120, 45, 0.93, true);

    private static FaceQuality with(double eyes, double yaw, double pitch, double roll, double sharpness,
            double brightness, double contrast, double confidence, boolean inFrame) {
        return new FaceQuality(eyes, yaw, pitch, roll, sharpness, brightness, contrast, confidence, inFrame);
    }

    @Test
    void aGoodCaptureHasNoIssues() {
        assertThat(FaceQualityPolicy.KIOSK.issues(GOOD, 1)).isEmpty();
        assertThat(FaceQualityPolicy.RECOGNITION.issues(GOOD, 3)).isEmpty();
    }

    @Test
    void eachMeasurementBeyondItsLimitRaisesItsIssue() {
        FaceQualityPolicy k = FaceQualityPolicy.KIOSK;
        assertThat(k.issues(with(30, 2, -3, 1, 300, 120, 45, 0.93, true), 1)).containsExactly(QualityIssue.FACE_TOO_SMALL);
        assertThat(k.issues(with(90, 25, -3, 1, 300, 120, 45, 0.93, true), 1)).containsExactly(QualityIssue.NOT_FRONTAL);
        assertThat(k.issues(with(90, 2, -25, 1, 300, 120, 45, 0.93, true), 1)).containsExactly(QualityIssue.NOT_FRONTAL);
        assertThat(k.issues(with(90, 2, -3, 20, 300, 120, 45, 0.93, true), 1)).containsExactly(QualityIssue.HEAD_TILTED);
        assertThat(k.issues(with(90, 2, -3, 1, 1, 120, 45, 0.93, true), 1)).containsExactly(QualityIssue.BLURRED);
        assertThat(k.issues(with(90, 2, -3, 1, 300, 20, 45, 0.93, true), 1)).containsExactly(QualityIssue.UNDEREXPOSED);
        assertThat(k.issues(with(90, 2, -3, 1, 300, 240, 45, 0.93, true), 1)).containsExactly(QualityIssue.OVEREXPOSED);
        assertThat(k.issues(with(90, 2, -3, 1, 300, 120, 3, 0.93, true), 1)).containsExactly(QualityIssue.LOW_CONTRAST);
        assertThat(k.issues(with(90, 2, -3, 1, 300, 120, 45, 0.3, true), 1)).containsExactly(QualityIssue.LOW_CONFIDENCE);
        assertThat(k.issues(with(90, 2, -3, 1, 300, 120, 45, 0.93, false), 1))
                .containsExactly(QualityIssue.FACE_NOT_IN_FRAME);
        assertThat(k.issues(GOOD, 2)).containsExactly(QualityIssue.MULTIPLE_FACES);
    }

    @Test
    void issuesCarryGuidanceForTheTraveller() {
        for (QualityIssue issue : QualityIssue.values()) {
            assertThat(issue.guidance()).isNotBlank().endsWith(".");
        }
        assertThat(QualityIssue.FACE_TOO_SMALL.guidance()).contains("closer");
        assertThat(QualityIssue.NOT_FRONTAL.guidance()).contains("look straight at the camera");
    }

    @Test
    void refusesInconsistentLimits() {
        assertThatThrownBy(() -> new FaceQualityPolicy(60, 10, 10, 8, 40, 200, 100, 25, 0.8, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceQualityPolicy(-1, 10, 10, 8, 40, 60, 200, 25, 0.8, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceQuality(90, 2, -3, 1, Double.NaN, 120, 45, 0.9, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
