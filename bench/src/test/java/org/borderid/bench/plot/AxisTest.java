package org.borderid.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTest {
    @Test
    void logAxisPlacesDecadesEvenlyAndClampsOutOfRangeValuesToTheEdges() {
        Axis axis = Axis.log("FMR", 1e-4, 1);

        assertThat(axis.fraction(1e-2)).isCloseTo(0.5, within(1e-12));
        assertThat(axis.fraction(0)).isZero(); // FMR = 0 sits on the border
        assertThat(axis.fraction(1e-9)).isZero();
        assertThat(axis.fraction(5)).isEqualTo(1);
        assertThat(axis.fraction(Double.NaN)).isNaN();
        assertThat(axis.majorTicks()).containsExactly(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        assertThat(axis.minorTicks()).hasSize(4 * 8).contains(2e-4, 9e-1);
    }

    @Test
    void linearAxisUsesNiceSteps() {
        Axis axis = Axis.linear("cmp/s", 0, 13_000);

        assertThat(axis.majorTicks()).containsExactly(0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10000.0, 12000.0);
        assertThat(axis.minorTicks()).isEmpty();
        assertThat(axis.fraction(6500)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void formatsPercentagesAndPlainNumbers() {
        Axis percent = Axis.log("FNMR", 1e-3, 1).asPercent();
        assertThat(percent.format(1e-4)).isEqualTo("0.01%");
        assertThat(percent.format(0.1)).isEqualTo("10%");
        assertThat(percent.format(1)).isEqualTo("100%");
        assertThat(Axis.linear("ms", 0, 1).format(0.25)).isEqualTo("0.25");
        assertThat(Axis.linear("n", 0, 1e6).format(120000)).isEqualTo("120000");
    }

    @Test
    void refusesEmptyOrNonPositiveLogRanges() {
        assertThatThrownBy(() -> Axis.log("x", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Axis.linear("x", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Axis.linear("x", 0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
