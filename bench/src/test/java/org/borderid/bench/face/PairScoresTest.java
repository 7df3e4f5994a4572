package org.borderid.bench.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairScoresTest {
    @Test
    void separableScoresGiveFullAccuracyAndZeroEer() {
        PairScores s = new PairScores(new double[] {0.6, 0.7, 0.8}, new double[] {0.1, 0.2, 0.3});
        double t = s.bestAccuracyThreshold();
        assertThat(t).isBetween(0.3, 0.6);
        assertThat(s.accuracy(t)).isEqualTo(1.0);
        assertThat(s.equalErrorRate()).isEqualTo(0.0);
        assertThat(s.trueAcceptRate(0.7)).isCloseTo(2 / 3.0, offset(1e-12)); // at or above the threshold
        assertThat(s.falseAcceptRate(0.3)).isCloseTo(1 / 3.0, offset(1e-12));
    }

    @Test
    void failedCapturesScoredMinusInfinityNeverMatch() {
        PairScores s = new PairScores(new double[] {Double.NEGATIVE_INFINITY, 0.8}, new double[] {0.1, 0.2});
        assertThat(s.trueAcceptRate(-1)).isEqualTo(0.5);
        assertThat(s.accuracy(s.bestAccuracyThreshold())).isEqualTo(0.75);
    }

    @Test
    void overlappingScoresHaveTheEerWhereErrorRatesCross() {
        // one mated pair below and one non-mated pair above every threshold in (0.4, 0.5]
        PairScores s = new PairScores(new double[] {0.35, 0.5, 0.6, 0.7, 0.8}, new double[] {0.1, 0.2, 0.3, 0.4, 0.55});
        assertThat(s.equalErrorRate()).isCloseTo(0.2, offset(1e-9));
        assertThat(s.accuracy(s.bestAccuracyThreshold())).isCloseTo(0.8, offset(1e-9));
    }

    @Test
    void poolingConcatenatesFolds() {
        PairScores a = new PairScores(new double[] {0.9}, new double[] {0.1});
        PairScores b = new PairScores(new double[] {0.8, 0.7}, new double[] {0.2});
        assertThat(PairScores.pool(List.of(a, b)).size()).isEqualTo(5);
    }

    @Test
    void tenFoldAccuracyTestsEachFoldAtTheOtherFoldsThreshold() {
        // nine folds separate at 0.5; the tenth has its mated scores at 0.45, below the others' threshold
        List<PairScores> folds = new java.util.ArrayList<>();
        for (int f = 0; f < 9; f++) {
            folds.add(new PairScores(new double[] {0.6, 0.7}, new double[] {0.2, 0.4}));
        }
        folds.add(new PairScores(new double[] {0.45, 0.8}, new double[] {0.1, 0.3}));
        double[] accuracies = PairScores.crossValidatedAccuracies(folds);
        assertThat(accuracies).hasSize(10);
        assertThat(accuracies[9]).isEqualTo(0.75); // 0.45 falls below the threshold learnt on folds 0..8
        for (int f = 0; f < 9; f++) {
            assertThat(accuracies[f]).isEqualTo(1.0);
        }
    }

    @Test
    void histogramThresholdsAgreeWithExactQuantiles() {
        long seed = 20_240_601L;
        Random random = new Random(seed);
        ScoreHistogram h = new ScoreHistogram();
        double[] scores = new double[200_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.max(-1, Math.min(1, random.nextGaussian() * 0.1));
            h.add(scores[i]);
        }
        java.util.Arrays.sort(scores);
        for (double rate : new double[] {1e-2, 1e-3, 1e-4}) {
            double t = h.thresholdAtRate(rate);
            int k = (int) Math.floor(rate * scores.length);
            // every threshold in (k+1-th highest, k-th highest] lets exactly k scores through; the histogram gives
            // the lowest such bin edge, or the next edge up when both scores share a bin (fewer through: safe side)
            double kth = scores[scores.length - k];
            double next = scores[scores.length - k - 1];
            assertThat(t).as("seed %d rate %s", seed, rate).isGreaterThan(next - ScoreHistogram.BIN_WIDTH)
                    .isLessThanOrEqualTo(kth + ScoreHistogram.BIN_WIDTH);
            assertThat(h.rateAtOrAbove(t)).as("seed %d rate %s", seed, rate).isLessThanOrEqualTo(rate);
        }
        assertThat(h.thresholdAtRate(0)).isGreaterThan(scores[scores.length - 1]);
    }

    @Test
    void histogramEerMatchesExactEer() {
        long seed = 7L;
        Random random = new Random(seed);
        ScoreHistogram mated = new ScoreHistogram();
        ScoreHistogram nonMated = new ScoreHistogram();
        double[] m = new double[5_000];
        double[] n = new double[5_000];
        for (int i = 0; i < m.length; i++) {
            m[i] = 0.5 + random.nextGaussian() * 0.15;
            n[i] = random.nextGaussian() * 0.15;
            mated.add(m[i]);
            nonMated.add(n[i]);
        }
        double exact = new PairScores(m, n).equalErrorRate();
        assertThat(nonMated.equalErrorRate(mated)).as("seed %d", seed).isCloseTo(exact, offset(0.002));
        assertThat(exact).isBetween(0.03, 0.07); // two Gaussians 3.33 sd apart: EER = Φ(-1.67) ≈ 0.048
    }
}
