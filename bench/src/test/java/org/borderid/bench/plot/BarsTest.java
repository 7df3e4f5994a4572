package org.borderid.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarsTest {
    @Test
    void categoricalAxisLabelsOneTickPerCategory() {
        Axis axis = Axis.categories("system", List.of("BorderID", "SourceAFIS"));

        assertThat(axis.majorTicks()).containsExactly(0.0, 1.0);
        assertThat(axis.format(0)).isEqualTo("BorderID");
        assertThat(axis.format(1)).isEqualTo("SourceAFIS");
        assertThat(axis.fraction(0)).isEqualTo(0.25);
        assertThatThrownBy(() -> Axis.categories("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void barsSharingAnXValueStandSideBySideAndLoneBarsAreCentred() {
        Axis x = Axis.categories("", List.of("a", "b"));
        Axis y = Axis.linear("ops/s", 0, 100);
        Panel grouped = new Panel("grouped", x, y, List.of(Series.bars("ours", new double[] {0, 1},
                new double[] {50, 100}), Series.bars("peer", new double[] {0, 1}, new double[] {25, 50})), List.of());
        Panel lone = new Panel("lone", x, y, List.of(Series.bars("ours", new double[] {0}, new double[] {50}),
                Series.bars("peer", new double[] {1}, new double[] {25})), List.of());

        String groupedSvg = FigureWriter.svg(Figure.grid("t", "", 1, List.of(grouped)));
        String loneSvg = FigureWriter.svg(Figure.grid("t", "", 1, List.of(lone)));

        assertThat(rectsFilled(groupedSvg, FigureRenderer.PALETTE.get(0))).isEqualTo(2);
        assertThat(rectsFilled(groupedSvg, FigureRenderer.PALETTE.get(1))).isEqualTo(2);
        // a lone bar fills the whole group width, twice a grouped bar's
        assertThat(width(loneSvg, FigureRenderer.PALETTE.get(0)))
                .isCloseTo(2 * width(groupedSvg, FigureRenderer.PALETTE.get(0)), org.assertj.core.api.Assertions
                        .within(0.01));
    }

    @Test
    void markedLinesDrawASquareOnEveryPoint() {
        Panel p = new Panel("p", Axis.linear("kiosks", 0, 5), Axis.linear("tx/s", 0, 50),
                List.of(Series.marked("in-process", new double[] {1, 2, 4}, new double[] {10, 18, 17})), List.of());

        String svg = FigureWriter.svg(Figure.grid("t", "", 1, List.of(p)));

        assertThat(rectsFilled(svg, FigureRenderer.PALETTE.get(0))).isEqualTo(3);
        assertThat(Figure.grid("t", "", 1, List.of(p)).legend()).containsExactly("in-process");
    }

    private static long rectsFilled(String svg, String colour) {
        return svg.lines().flatMap(l -> List.of(l.split("<rect")).stream())
                .filter(r -> r.contains("fill=\"" + colour + "\"")).count();
    }

    private static double width(String svg, String colour) {
        for (String r : svg.split("<rect")) {
            if (r.contains("fill=\"" + colour + "\"")) {
                String w = r.substring(r.indexOf("width=\"") + 7);
                return Double.parseDouble(w.substring(0, w.indexOf('"')));
            }
        }
        throw new AssertionError("no bar of colour " + colour);
    }
}
