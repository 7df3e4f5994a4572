package org.borderid.bench.plot;

import java.util.Objects;

/**
 * One line of a {@link Panel}: points joined in order.
 *
 * <p>Series with the same name share a colour across panels and appear once in the figure's legend; reference lines
 * (an FMR = FNMR diagonal, a target) are gray, dashed and not in the legend.
 *
 * @param name  legend entry
 * @param x     x values (copied)
 * @param y     y values, as many as x (copied); a NaN pair breaks the line
 * @param style how it is drawn
 */
public record Series(String name, double[] x, double[] y, Style style) {
    /** How a series is drawn. */
    public enum Style {
        /** Solid coloured line, in the legend. */
        LINE,
        /** Dashed coloured line, in the legend. */
        DASHED,
        /** Thin gray dashed line, not in the legend. */
        REFERENCE,
        /** Solid coloured line with a square marker on each point (few points: 1, 2, 4 threads), in the legend. */
        MARKED,
        /**
         * A bar from the y axis's floor to each point (0 on a linear axis, the minimum on a log one), in the legend.
         * The bar series of a panel stand side by side around each x value (grouped bars, usually over a
         * {@link Axis#categories categorical} x axis).
         */
        BARS
    }

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.LINE);
    }

    public static Series marked(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.MARKED);
    }

    public static Series bars(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.BARS);
    }

    public static Series reference(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.REFERENCE);
    }

    /** A copy of the x values. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    @Override
    public double[] y() {
        return y.clone();
    }

    int size() {
        return x.length;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }
}
