package org.borderid.finger.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.borderid.finger.FingerprintImage;
import org.borderid.finger.engine.extract.CellGrid;
import org.borderid.finger.engine.extract.FloatRaster;
import org.borderid.finger.engine.extract.ForegroundMask;
import org.borderid.finger.engine.extract.ForegroundSegmenter;
import org.borderid.finger.engine.extract.FrequencyEstimator;
import org.borderid.finger.engine.extract.FrequencyField;
import org.borderid.finger.engine.extract.OrientationEstimator;
import org.borderid.finger.engine.extract.OrientationField;
import org.borderid.finger.engine.extract.Resampler;
import org.borderid.finger.engine.extract.RidgeBandpass;
import org.borderid.finger.engine.extract.StructureTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationAndFrequencyTest {
    private record Fields(ForegroundMask mask, OrientationField orientation, FrequencyField frequency) {}

    private static Fields fields(FingerprintImage image) {
        FloatRaster ridges = RidgeBandpass.apply(Resampler.to500Dpi(image.gray(), image.dpi()));
        StructureTensor tensor = StructureTensor.compute(ridges);
        ForegroundMask mask = ForegroundSegmenter.segment(ridges, tensor);
        OrientationField orientation = OrientationEstimator.estimate(tensor, mask);
        return new Fields(mask, orientation, FrequencyEstimator.estimate(ridges, mask, orientation));
    }

    /** Cells at least two cells inside the pattern's disc (away from its edge). */
    private static boolean inner(CellGrid grid, int cell, int size, double radius) {
        double cx = (cell % grid.cols()) * CellGrid.CELL + CellGrid.CELL / 2.0 - size / 2.0;
        double cy = (cell / grid.cols()) * CellGrid.CELL + CellGrid.CELL / 2.0 - size / 2.0;
        return Math.hypot(cx, cy) < radius - 2 * CellGrid.CELL;
    }

    @ParameterizedTest(name = "ridges at {0}°")
    @ValueSource(ints = {0, 17, 30, 45, 62, 90, 111, 135, 163})
    void orientationOfParallelRidgesIsWithinTwoDegrees(int degrees) {
        double theta = Math.toRadians(degrees);
        int size = 256;
        double radius = 110;
        Fields f = fields(SyntheticPrints.ridgesOnGray(size, theta, 9, radius));
        CellGrid grid = f.mask().grid();
        double worst = 0;
        int checked = 0;
        for (int i = 0; i < grid.cells(); i++) {
            if (!inner(grid, i, size, radius)) {
                continue;
            }
            double error = Math.abs(f.orientation().angle(i) - theta) % Math.PI;
            worst = Math.max(worst, Math.min(error, Math.PI - error));
            assertThat(f.orientation().reliability(i)).as("reliability of cell %d", i).isGreaterThan(0.9f);
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(Math.toDegrees(worst)).isLessThan(2.0);
    }

    @ParameterizedTest(name = "period {0} px at {1}°")
    @CsvSource({"6, 20", "8, 75", "9, 0", "11, 130", "13, 45"})
    void ridgePeriodIsWithinFivePercent(double period, int degrees) {
        int size = 256;
        double radius = 110;
        Fields f = fields(SyntheticPrints.ridgesOnGray(size, Math.toRadians(degrees), period, radius));
        CellGrid grid = f.mask().grid();
        double worst = 0;
        for (int i = 0; i < grid.cells(); i++) {
            if (inner(grid, i, size, radius)) {
                worst = Math.max(worst, Math.abs(f.frequency().period(i) - period) / period);
            }
        }
        assertThat(worst).isLessThan(0.05);
        assertThat(f.frequency().medianPeriod()).isCloseTo((float) period, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @ParameterizedTest(name = "disc of radius {0}")
    @ValueSource(ints = {60, 90, 120})
    void foregroundCoversThePatternAndNotTheBlankAround(int radius) {
        // the contrast window reaches one cell beyond the pattern; the border filter keeps minutiae off that margin
        int size = 300;
        Fields f = fields(SyntheticPrints.ridges(size, 0.7, 9, radius));
        ForegroundMask mask = f.mask();
        int inside = 0;
        int insideHits = 0;
        int outsideHits = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = Math.hypot(x - size / 2.0, y - size / 2.0);
                if (r < radius - 12) {
                    inside++;
                    insideHits += mask.contains(x, y) ? 1 : 0;
                } else if (r > radius + CellGrid.CELL + 12 && mask.contains(x, y)) {
                    outsideHits++;
                }
            }
        }
        assertThat((double) insideHits / inside).isGreaterThan(0.98);
        assertThat(outsideHits).isZero();
    }
}
