package org.borderid.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.borderid.OperatingPoint;
import org.borderid.finger.engine.match.MatchCalibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdCalibrationTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 5, 99, 123456})
    void thresholdIsTheLowestThatKeepsTheEmpiricalFmrAtOrBelowTheTarget(long seed) {
        Random random = new Random(seed);
        double[] scores = new double[20_000 + random.nextInt(20_000)];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.floor(Math.abs(random.nextGaussian()) * 30); // integer scores: many ties
        }
        for (double target : new double[] {1e-2, 1e-3, 1e-4}) {
            ThresholdCalibration.Threshold t = ThresholdCalibration.calibrate(scores, target);
            long accepted = Arrays.stream(scores).filter(s -> s >= t.threshold()).count();
            long acceptedOneStepLower = Arrays.stream(scores).filter(s -> s >= Math.nextDown(t.threshold())).count();

            assertThat(accepted).as("seed %d target %s", seed, target).isEqualTo(t.acceptedImpostors())
                    .isLessThanOrEqualTo((long) Math.floor(target * scores.length));
            assertThat(acceptedOneStepLower).as("seed %d target %s: a lower threshold must exceed the target",
                    seed, target).isGreaterThan((long) Math.floor(target * scores.length));
            assertThat(t.impostors()).isEqualTo(scores.length);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 17, 2026})
    void agreesWithTheMatchersCalibrationFunction(long seed) {
        Random random = new Random(seed);
        double[] scores = new double[30_000 + random.nextInt(200_000)];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.round(Math.abs(random.nextGaussian()) * 1000) / 40_000.0; // 0..~0.1, with ties
        }
        Map<OperatingPoint, Double> matcher = MatchCalibration.thresholds(scores);
        for (OperatingPoint point : OperatingPoint.values()) {
            assertThat(ThresholdCalibration.calibrate(scores, point.falseMatchRate()).threshold())
                    .as("seed %d, %s", seed, point).isEqualTo(matcher.get(point));
        }
    }

    @Test
    void tiedScoresAreNeverSplit() {
        double[] scores = {1, 2, 5, 5, 5, 5, 6, 7, 8, 9};

        ThresholdCalibration.Threshold t = ThresholdCalibration.calibrate(scores, 0.4); // may accept 4

        assertThat(t.threshold()).isEqualTo(Math.nextUp(5.0));
        assertThat(t.acceptedImpostors()).isEqualTo(4);
        assertThat(ThresholdCalibration.calibrate(scores, 0.5).acceptedImpostors()).isEqualTo(4); // 5 would split ties
    }

    @Test
    void roundingOfTheAllowedCountToleratesFloatingPointError() {
        double[] scores = new double[2900];
        Arrays.setAll(scores, i -> i);
        // 0.01 * 2900 = 28.999999999999996 in doubles: still 29 impostors may be accepted.
        assertThat(ThresholdCalibration.calibrate(scores, 0.01).acceptedImpostors()).isEqualTo(29);
    }

    @Test
    void targetsBelowOneImpostorAreFlaggedAsNotResolvable() {
        double[] scores = new double[500];
        Arrays.setAll(scores, i -> i);

        ThresholdCalibration.Threshold t = ThresholdCalibration.calibrate(scores, 1e-3);

        assertThat(t.resolvable()).isFalse();
        assertThat(t.acceptedImpostors()).isZero();
        assertThat(t.threshold()).isEqualTo(Math.nextUp(499.0));
        assertThat(ThresholdCalibration.calibrate(scores, 1e-2).resolvable()).isTrue();
    }

    @Test
    void acceptingEverythingGivesMinusInfinity() {
        assertThat(ThresholdCalibration.calibrate(new double[] {1, 2}, 1).threshold())
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void refusesBadInputAndLeavesTheArrayAlone() {
        assertThatThrownBy(() -> ThresholdCalibration.calibrate(new double[0], 0.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdCalibration.calibrate(new double[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdCalibration.calibrate(new double[] {1, Double.NaN}, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        double[] scores = {3, 1, 2};
        ThresholdCalibration.calibrate(scores, 0.5);
        assertThat(scores).containsExactly(3, 1, 2);
    }
}
