package org.borderid.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorRatesTest {
    @Test
    void perfectlySeparatedScoresHaveNoErrors() {
        ErrorRates rates = ErrorRates.of(new double[] {5, 6, 7}, new double[] {0, 1, 2, 3});

        assertThat(rates.eer()).isZero();
        assertThat(rates.zeroFmr()).isZero();
        assertThat(rates.fnmrAtFmr(0.01)).isZero();
        assertThat(rates.fvcEerInterval()).containsExactly(0, 0);
    }

    @Test
    void ratesAtAThresholdFollowTheAtOrAboveRule() {
        ErrorRates rates = ErrorRates.of(new double[] {1, 2, 3, 4}, new double[] {0, 1, 2, 2});

        assertThat(rates.fmr(2)).isEqualTo(0.5); // impostors 2 and 2 are at or above
        assertThat(rates.fnmr(2)).isEqualTo(0.25); // genuine 1 is below
        assertThat(rates.fmr(Double.NEGATIVE_INFINITY)).isEqualTo(1);
        assertThat(rates.fnmr(Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    @Test
    void eerIsInterpolatedBetweenTheSweepPointsAroundTheCrossing() {
        // Sweep: t=1: FMR 1, FNMR 0; t=2: FMR 1/2, FNMR 1/4; t=3: FMR 0, FNMR 1/2; t=4: 0, 3/4; +inf: 0, 1.
        // FMR - FNMR goes 1/4 -> -1/2 between t=2 and t=3: lambda = (1/4)/(3/4) = 1/3,
        // EER = 1/2 + 1/3 * (0 - 1/2) = 1/3 (and FNMR there: 1/4 + 1/3 * 1/4 = 1/3).
        ErrorRates rates = ErrorRates.of(new double[] {1, 2, 3, 4}, new double[] {1, 1, 2, 2});

        assertThat(rates.eer()).isCloseTo(1.0 / 3, within(1e-12));
        double[] fvc = rates.fvcEerInterval();
        assertThat(rates.eer()).isBetween(fvc[0], fvc[1]);
    }

    @Test
    void eerIsExactWhereFmrEqualsFnmrAtASweepPoint() {
        ErrorRates rates = ErrorRates.of(new double[] {0, 5, 6, 7}, new double[] {1, 2, 3, 8});
        // t=5: FMR 1/4 (8), FNMR 1/4 (0)
        assertThat(rates.eer()).isEqualTo(0.25);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20260101})
    void eerAlwaysLiesInsideTheFvcInterval(long seed) {
        Random random = new Random(seed);
        double[] genuine = new double[50 + random.nextInt(300)];
        double[] impostor = new double[50 + random.nextInt(3000)];
        for (int i = 0; i < genuine.length; i++) {
            genuine[i] = Math.round(random.nextGaussian() * 4 + 3); // rounded: plenty of ties
        }
        for (int i = 0; i < impostor.length; i++) {
            impostor[i] = Math.round(random.nextGaussian() * 4);
        }
        ErrorRates rates = ErrorRates.of(genuine, impostor);
        double[] fvc = rates.fvcEerInterval();

        assertThat(rates.eer()).as("seed %d", seed).isBetween(fvc[0] - 1e-12, fvc[1] + 1e-12);
    }

    @Test
    void eerOfTwoGaussiansMatchesTheAnalyticValue() {
        long seed = 7;
        Random random = new Random(seed);
        int n = 200_000;
        double[] genuine = new double[n];
        double[] impostor = new double[n];
        for (int i = 0; i < n; i++) {
            genuine[i] = 2 + random.nextGaussian();
            impostor[i] = random.nextGaussian();
        }
        // Unit-variance normals 2 apart cross at 1: EER = P(N(0,1) > 1) = 0.158655.
        assertThat(ErrorRates.of(genuine, impostor).eer()).as("seed %d", seed).isCloseTo(0.158655, within(0.003));
    }

    @Test
    void fnmrAtTargetFmrUsesTheLowestThresholdThatMeetsIt() {
        double[] impostor = new double[100];
        for (int i = 0; i < 100; i++) {
            impostor[i] = i; // 0..99
        }
        double[] genuine = {50, 97.5, 98, 98.5, 99, 100, 200, 300};
        ErrorRates rates = ErrorRates.of(genuine, impostor);

        // FMR <= 1e-2 allows one impostor (99) above the threshold: threshold just above 98.
        assertThat(rates.thresholdAtFmr(0.01)).isEqualTo(Math.nextUp(98.0));
        assertThat(rates.fnmrAtFmr(0.01)).isEqualTo(3.0 / 8); // 50, 97.5, 98 rejected
        // FMR = 0: threshold just above 99.
        assertThat(rates.zeroFmr()).isEqualTo(5.0 / 8);
        assertThat(rates.fnmrAtMinResolvableFmr()).isEqualTo(rates.fnmrAtFmr(0.01));
        assertThat(rates.minResolvableFmr()).isEqualTo(0.01);
    }

    @Test
    void failedPairsAtMinusInfinityAreNonMatchesAtEveryOperatingPoint() {
        double inf = Double.NEGATIVE_INFINITY;
        ErrorRates rates = ErrorRates.of(new double[] {inf, 10, 10, 10}, new double[] {inf, inf, 0, 1});

        assertThat(rates.zeroFmr()).isEqualTo(0.25);
        assertThat(rates.fnmrAtFmr(0.5)).isEqualTo(0.25);
        assertThat(rates.eer()).isBetween(0.0, 0.25);
    }

    @Test
    void detCurveRunsFromAcceptAllToRejectAll() {
        ErrorRates rates = ErrorRates.of(new double[] {1, 3}, new double[] {0, 2});
        List<ErrorRates.DetPoint> curve = rates.detCurve();

        assertThat(curve.get(0).fmr()).isEqualTo(1);
        assertThat(curve.get(0).fnmr()).isEqualTo(0);
        assertThat(curve.get(curve.size() - 1).fmr()).isEqualTo(0);
        assertThat(curve.get(curve.size() - 1).fnmr()).isEqualTo(1);
        assertThat(curve).hasSize(5); // 4 distinct scores + infinity
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).fmr()).isLessThanOrEqualTo(curve.get(i - 1).fmr());
            assertThat(curve.get(i).fnmr()).isGreaterThanOrEqualTo(curve.get(i - 1).fnmr());
        }
    }

    @Test
    void undefinedFiguresAreNaN() {
        ErrorRates noGenuine = ErrorRates.of(new double[0], new double[] {1, 2});
        assertThat(noGenuine.eer()).isNaN();
        assertThat(noGenuine.zeroFmr()).isNaN();
        ErrorRates noImpostor = ErrorRates.of(new double[] {1}, new double[0]);
        assertThat(noImpostor.eer()).isNaN();
        assertThat(noImpostor.minResolvableFmr()).isNaN();
    }

    @Test
    void refusesNaNScoresAndDoesNotKeepTheCallersArrays() {
        assertThatThrownBy(() -> ErrorRates.of(new double[] {1, Double.NaN}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("genuine");
        double[] genuine = {3, 1, 2};
        ErrorRates rates = ErrorRates.of(genuine, new double[] {0});
        genuine[0] = -100;
        assertThat(rates.genuineScores()).containsExactly(1, 2, 3);
    }
}
