package org.borderid.finger.engine.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.borderid.OperatingPoint;
import org.junit.jupiter.api.Test;

class MatchCalibrationTest {
    @Test
    void thresholdAcceptsAtMostTheTargetShareOfImpostors() {
        Random random = new Random(3);
        double[] scores = new double[100_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextDouble();
        }
        Map<OperatingPoint, Double> thresholds = MatchCalibration.thresholds(scores);
        for (OperatingPoint point : OperatingPoint.values()) {
            double t = thresholds.get(point);
            long accepted = java.util.Arrays.stream(scores).filter(s -> s >= t).count();
            assertThat(accepted).as(point.name()).isEqualTo(Math.round(point.falseMatchRate() * scores.length));
        }
        assertThat(thresholds.get(OperatingPoint.FMR_1E2)).isLessThan(thresholds.get(OperatingPoint.FMR_1E3));
    }

    @Test
    void tiesAtTheCutAreAllRejected() {
        double[] scores = new double[1000];
        java.util.Arrays.fill(scores, 0.5);
        scores[999] = 0.9;
        // FMR 1e-2 allows 10 accepted: only the 0.9 can be, the 0.5s are rejected together.
        double t = MatchCalibration.thresholds(scores).get(OperatingPoint.FMR_1E2);
        assertThat(t).isGreaterThan(0.5).isLessThanOrEqualTo(0.9);
    }

    @Test
    void tooFewImpostorsToResolveATargetGiveAThresholdAboveAllOfThem() {
        double[] scores = {0.1, 0.3, 0.2};
        assertThat(MatchCalibration.thresholds(scores).get(OperatingPoint.FMR_1E4)).isGreaterThan(0.3);
    }

    @Test
    void refusesEmptyAndNaN() {
        assertThatThrownBy(() -> MatchCalibration.thresholds(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchCalibration.thresholds(new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shippedThresholdsAreOrdered() {
        assertThat(MatchCalibration.threshold(OperatingPoint.FMR_1E2))
                .isLessThan(MatchCalibration.threshold(OperatingPoint.FMR_1E3));
        assertThat(MatchCalibration.threshold(OperatingPoint.FMR_1E3))
                .isLessThan(MatchCalibration.threshold(OperatingPoint.FMR_1E4));
    }
}
