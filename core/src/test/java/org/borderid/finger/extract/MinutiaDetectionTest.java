package org.borderid.finger.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.Minutia;
import org.borderid.finger.extract.SyntheticPrints.Singularity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinutiaDetectionTest {
    private static final FingerprintExtractor EXTRACTOR = new FingerprintExtractor();
    private static final int SIZE = 320;
    private static final double RADIUS = 150;

    /** Eight minutiae on a 3×3 grid 64 px apart (the centre left empty), signs alternating. */
    private static List<Singularity> grid() {
        List<Singularity> out = new ArrayList<>();
        int k = 0;
        for (int gy = -1; gy <= 1; gy++) {
            for (int gx = -1; gx <= 1; gx++) {
                if (gx != 0 || gy != 0) {
                    out.add(new Singularity(SIZE / 2.0 + 64 * gx, SIZE / 2.0 + 64 * gy, k++ % 2 == 0 ? 1 : -1));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "ridges at {0}°, period {1} px")
    @CsvSource({"0, 9", "30, 9", "90, 8", "135, 10", "200, 9", "290, 11"})
    void findsEverySyntheticMinutiaAtItsPlaceWithItsIsoDirection(int degrees, double period) {
        double theta = Math.toRadians(degrees);
        List<Singularity> truth = grid();
        FingerprintExtraction result = EXTRACTOR.extract(
                SyntheticPrints.withMinutiae(SIZE, theta, period, RADIUS, truth));

        assertThat(result).isInstanceOf(FingerprintExtraction.Extracted.class);
        List<Minutia> found = ((FingerprintExtraction.Extracted) result).template().minutiae();
        for (Singularity s : truth) {
            Minutia nearest = found.stream()
                    .min(Comparator.comparingDouble(m -> Math.hypot(m.x() - s.x(), m.y() - s.y())))
                    .orElseThrow();
            assertThat(Math.hypot(nearest.x() - s.x(), nearest.y() - s.y()))
                    .as("distance of the minutia found near %s", s).isLessThan(0.6 * period);
            double error = Math.abs(nearest.direction() - SyntheticPrints.isoDirection(theta, s.sign()));
            error %= 2 * Math.PI;
            assertThat(Math.toDegrees(Math.min(error, 2 * Math.PI - error)))
                    .as("direction error at %s, degrees", s).isLessThan(10);
        }
        assertThat(found).as("no minutiae beyond the eight made").hasSize(truth.size());
    }

    @ParameterizedTest(name = "ridges at {0}°")
    @CsvSource({"0", "45", "100"})
    void findsNoMinutiaeInParallelRidges(int degrees) {
        FingerprintExtraction result = EXTRACTOR.extract(
                SyntheticPrints.withMinutiae(SIZE, Math.toRadians(degrees), 9, RADIUS, List.of()));
        // only ridges cut by the disc's rim end there; those are border minutiae and must all be filtered out
        assertThat(result).isInstanceOfSatisfying(FingerprintExtraction.LowQuality.class,
                low -> assertThat(low.reason()).isEqualTo(FingerprintExtraction.Reason.TOO_FEW_MINUTIAE));
    }
}
