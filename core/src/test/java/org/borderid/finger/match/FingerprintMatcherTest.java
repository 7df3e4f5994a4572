package org.borderid.finger.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderid.OperatingPoint;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of the 1:1 matcher on real (FVC2002 DB1 .iso) and seeded synthetic templates. */
class FingerprintMatcherTest {
    private static final long SEED = 7_340_033L;
    private static List<FingerprintTemplate> db1;

    @BeforeAll
    static void load() {
        db1 = FvcIsoTemplates.database("DB1_B", FvcIsoTemplates.Geometry.RECTIFIED);
    }

    private static double score(FingerprintTemplate probe, FingerprintTemplate candidate) {
        return new FingerprintMatcher(probe).match(candidate);
    }

    /** The highest impostor score among the first impressions of the ten fingers. */
    private static double maxImpostor() {
        double max = 0;
        for (int f = 0; f < 10; f++) {
            for (int g = f + 1; g < 10; g++) {
                max = Math.max(max, score(db1.get(f * 8), db1.get(g * 8)));
            }
        }
        return max;
    }

    @Test
    void selfMatchScoresFarAboveImpostors() {
        double impostor = maxImpostor();
        for (int f = 0; f < 10; f++) {
            FingerprintTemplate t = db1.get(f * 8);
            assertThat(score(t, t)).as("finger %d", f).isGreaterThan(0.9).isGreaterThan(10 * impostor);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-80, -45, -20, 0, 10, 35, 60, 85})
    void rotationAndTranslationKeepTheScoreHigh(int degrees) {
        Random random = new Random(SEED + degrees);
        double impostor = maxImpostor();
        for (int f = 0; f < 10; f++) {
            FingerprintTemplate t = db1.get(f * 8);
            int dx = random.nextInt(201) - 100;
            int dy = random.nextInt(201) - 100;
            FingerprintTemplate moved = SyntheticTemplates.transformed(t, degrees, dx, dy);
            double s = score(t, moved);
            assertThat(s).as("finger %d rotated %d° shifted (%d, %d), seed %d", f, degrees, dx, dy, SEED + degrees)
                    .isGreaterThan(0.5).isGreaterThan(5 * impostor);
        }
    }

    @Test
    void rotationsBeyondNinetyDegreesAreOutsideTheDesignedTolerance() {
        // Documented limit (docs/fingerprint.md): cylinders are compared only when the minutia directions differ by
        // at most π/2, so an upside-down capture does not match. Real captures stay far within it.
        FingerprintTemplate t = db1.get(0);
        assertThat(score(t, SyntheticTemplates.transformed(t, 180, 0, 0))).isLessThan(0.05);
    }

    @Test
    void scoresAreSymmetric() {
        for (int i = 0; i < 80; i += 3) {
            for (int j = i + 1; j < 80; j += 7) {
                FingerprintTemplate a = db1.get(i);
                FingerprintTemplate b = db1.get(j);
                double ab = score(a, b);
                double ba = score(b, a);
                assertThat(ba).as("%d vs %d", i, j).isCloseTo(ab, within(0.002 + 0.02 * ab));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void tinyTemplatesScoreZero(int count) {
        FingerprintTemplate full = db1.get(0);
        FingerprintTemplate tiny = FingerprintTemplate.of(full.width(), full.height(),
                full.minutiae().subList(0, count), 50);
        assertThat(score(tiny, tiny)).isZero();
        assertThat(score(tiny, full)).isZero();
        assertThat(score(full, tiny)).isZero();
    }

    @Test
    void degenerateTemplatesGiveScoresInRange() {
        Random random = new Random(SEED);
        List<FingerprintTemplate> odd = new ArrayList<>();
        odd.add(FingerprintTemplate.of(1, 1, List.of(), 0));
        List<Minutia> samePoint = new ArrayList<>();
        List<Minutia> line = new ArrayList<>();
        List<Minutia> corner = new ArrayList<>();
        List<Minutia> dense = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            samePoint.add(Minutia.ofAngleSteps(100, 100, i * 6, MinutiaType.ENDING, 50));
            line.add(Minutia.ofAngleSteps(10 + 7 * i, 200, random.nextInt(256), MinutiaType.BIFURCATION, 50));
            corner.add(Minutia.ofAngleSteps(Minutia.MAX_COORDINATE - random.nextInt(3), Minutia.MAX_COORDINATE,
                    random.nextInt(256), MinutiaType.OTHER, 0));
        }
        for (int i = 0; i < FingerprintTemplate.MAX_MINUTIAE; i++) {
            dense.add(Minutia.ofAngleSteps(random.nextInt(60), random.nextInt(60), random.nextInt(256),
                    MinutiaType.ENDING, 50));
        }
        odd.add(FingerprintTemplate.of(300, 300, samePoint, 50));
        odd.add(FingerprintTemplate.of(400, 400, line, 50));
        odd.add(FingerprintTemplate.of(Minutia.MAX_COORDINATE + 1, Minutia.MAX_COORDINATE + 1, corner, 50));
        odd.add(FingerprintTemplate.of(60, 60, dense, 50));
        odd.add(SyntheticTemplates.random(random, FingerprintTemplate.MAX_MINUTIAE, 1000, 1000, 5));
        odd.add(db1.get(0));
        for (FingerprintTemplate a : odd) {
            for (FingerprintTemplate b : odd) {
                double s = score(a, b);
                assertThat(s).as("%s vs %s", a, b).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void concurrentMatchesEqualSerialOnes() throws Exception {
        FingerprintMatcher matcher = new FingerprintMatcher(db1.get(0));
        double[] serial = new double[db1.size()];
        for (int i = 0; i < serial.length; i++) {
            serial[i] = matcher.match(db1.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    double[] scores = new double[serial.length];
                    for (int k = 0; k < scores.length; k++) {
                        int i = (k + offset * 11) % scores.length; // different orders per thread
                        scores[i] = matcher.match(db1.get(i));
                    }
                    return scores;
                }));
            }
            for (Future<double[]> run : runs) {
                assertThat(run.get()).containsExactly(serial);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void freshlyDecodedTemplatesScoreLikeTheOriginals() {
        FingerprintTemplate probe = db1.get(0);
        FingerprintTemplate genuine = db1.get(1);
        FingerprintTemplate impostor = db1.get(8);
        double expectedGenuine = score(probe, genuine);
        double expectedImpostor = score(probe, impostor);
        FingerprintMatcher fresh = new FingerprintMatcher(FingerprintTemplate.fromByteArray(probe.toByteArray()));
        assertThat(fresh.match(FingerprintTemplate.fromByteArray(genuine.toByteArray()))).isEqualTo(expectedGenuine);
        assertThat(fresh.match(FingerprintTemplate.fromByteArray(impostor.toByteArray()))).isEqualTo(expectedImpostor);
        assertThat(expectedGenuine).isGreaterThan(expectedImpostor);
    }

    @Test
    void matchingLeavesTemplatesUnchanged() {
        FingerprintTemplate a = db1.get(0);
        FingerprintTemplate b = db1.get(9);
        byte[] before = a.toByteArray();
        byte[] other = b.toByteArray();
        score(a, b);
        score(b, a);
        assertThat(a.toByteArray()).isEqualTo(before);
        assertThat(b.toByteArray()).isEqualTo(other);
    }

    @Test
    void thresholdsGrowWithStricterOperatingPoints() {
        double t2 = FingerprintMatcher.threshold(OperatingPoint.FMR_1E2);
        double t3 = FingerprintMatcher.threshold(OperatingPoint.FMR_1E3);
        double t4 = FingerprintMatcher.threshold(OperatingPoint.FMR_1E4);
        assertThat(t2).isGreaterThan(0).isLessThan(t3);
        assertThat(t3).isLessThan(t4);
        assertThat(t4).isLessThan(1);
    }

    @Test
    void syntheticUnrelatedTemplatesScoreLow() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20; i++) {
            FingerprintTemplate a = SyntheticTemplates.random(random, 40, 350, 400, 12);
            FingerprintTemplate b = SyntheticTemplates.random(random, 40, 350, 400, 12);
            assertThat(score(a, b)).as("seed %d, pair %d", SEED, i)
                    .isLessThan(FingerprintMatcher.threshold(OperatingPoint.FMR_1E2) * 2);
            assertThat(score(a, a)).isGreaterThan(0.9);
        }
    }
}
