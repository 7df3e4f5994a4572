package org.borderid.bench.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One axis of a {@link Panel}: label, linear or logarithmic scale, range, and whether values print as percentages.
 *
 * <p>Values outside the range (and values ≤ 0 on a log axis) are drawn on the range's edge: a DET curve's FMR = 0
 * point, for instance, sits on the left border.
 *
 * @param label   axis title, e.g. {@code FMR}
 * @param scale   linear or log10
 * @param min     lowest value shown (&gt; 0 on a log axis)
 * @param max     highest value shown (&gt; min)
 * @param percent whether tick labels show values × 100 with a {@code %} sign (rates given as fractions)
 * @param categories names of the categories of a categorical axis ({@link #categories}: category i at value i, one
 *                   labelled tick each), empty for a numeric axis
 */
public record Axis(String label, Scale scale, double min, double max, boolean percent, List<String> categories) {
    /** How values map to positions. */
    public enum Scale {
        LINEAR,
        /** Base-10 logarithmic: decades are equally spaced. */
        LOG
    }

    /** Most major ticks on a linear axis; the step is the "nice" 1, 2 or 5 × 10^k that keeps to it. */
    private static final int MAX_LINEAR_TICKS = 8;

    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("axis range must be finite with min < max: " + min + ".." + max);
        }
        if (scale == Scale.LOG && !(min > 0)) {
            throw new IllegalArgumentException("log axis needs min > 0: " + min);
        }
        categories = List.copyOf(categories);
        if (!categories.isEmpty() && scale != Scale.LINEAR) {
            throw new IllegalArgumentException("a categorical axis is linear");
        }
    }

    /** A numeric axis. */
    public Axis(String label, Scale scale, double min, double max, boolean percent) {
        this(label, scale, min, max, percent, List.of());
    }

    /**
     * A categorical axis: category {@code i} sits at value {@code i}, with half a unit of room on either side, and
     * its tick is labelled with its name (bar charts, {@link Series.Style#BARS}).
     */
    public static Axis categories(String label, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a categorical axis needs at least one category");
        }
        return new Axis(label, Scale.LINEAR, -0.5, names.size() - 0.5, false, names);
    }

    public static Axis linear(String label, double min, double max) {
        return new Axis(label, Scale.LINEAR, min, max, false);
    }

    public static Axis log(String label, double min, double max) {
        return new Axis(label, Scale.LOG, min, max, false);
    }

    /** The same axis with percentage tick labels. */
    public Axis asPercent() {
        return new Axis(label, scale, min, max, true, categories);
    }

    /** Position of a value along the axis, 0 (min) .. 1 (max), clamped to the range; NaN stays NaN. */
    public double fraction(double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double f;
        if (scale == Scale.LOG) {
            f = value <= 0 ? 0 : (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        } else {
            f = (value - min) / (max - min);
        }
        return Math.max(0, Math.min(1, f));
    }

    /** Major tick values: each power of ten on a log axis, a 1/2/5 × 10^k step on a linear one. */
    public List<Double> majorTicks() {
        List<Double> ticks = new ArrayList<>();
        if (!categories.isEmpty()) {
            for (int i = 0; i < categories.size(); i++) {
                ticks.add((double) i);
            }
            return ticks;
        }
        if (scale == Scale.LOG) {
            for (int e = (int) Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) {
                ticks.add(Math.pow(10, e));
            }
            return ticks;
        }
        double step = niceStep((max - min) / MAX_LINEAR_TICKS);
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    /** Minor tick values: 2..9 × 10^k on a log axis, none on a linear one. */
    public List<Double> minorTicks() {
        List<Double> ticks = new ArrayList<>();
        if (scale == Scale.LOG) {
            for (int e = (int) Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v >= min && v <= max) {
                        ticks.add(v);
                    }
                }
            }
        }
        return ticks;
    }

    /**
     * The label of a tick value: plain decimal, 6 significant digits at most, with % when {@link #percent()}; a
     * category's name on a categorical axis.
     */
    public String format(double value) {
        long category = Math.round(value);
        if (!categories.isEmpty() && category >= 0 && category < categories.size()) {
            return categories.get((int) category);
        }
        double shown = percent ? value * 100 : value;
        String text = new BigDecimal(shown).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return percent ? text + "%" : text;
    }

    private static double niceStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / decade;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * decade;
    }
}
