package org.borderid.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the report prints numbers: the same text for the same value on every machine and locale. */
final class Numbers {
    /** Significant digits of a measured figure: JMH's run-to-run variation makes a fourth digit noise. */
    static final int SIGNIFICANT = 3;

    private Numbers() {}

    /**
     * A measured value to {@link #SIGNIFICANT} significant digits, with thousands separators and no exponent:
     * {@code 15,600}, {@code 69.5}, {@code 0.0123}; {@code n/a} for NaN or infinity.
     */
    static String figure(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN));
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(Math.max(0, rounded.scale()));
        return format.format(rounded);
    }

    /** A figure with its error: {@code 15,600 ± 7,900}; just the figure when the error is unknown. */
    static String withError(double value, double error) {
        return Double.isFinite(error) ? figure(value) + " ± " + figure(error) : figure(value);
    }

    /** A whole count with thousands separators: {@code 1,000,000}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A gallery size the short way: {@code 10k}, {@code 1M}, {@code 2500}. */
    static String size(long value) {
        if (value >= 1_000_000 && value % 1_000_000 == 0) {
            return value / 1_000_000 + "M";
        }
        if (value >= 1_000 && value % 1_000 == 0) {
            return value / 1_000 + "k";
        }
        return Long.toString(value);
    }

    /** Bytes in binary units with 3 significant digits: {@code 812 B}, {@code 3.41 KiB}, {@code 24.0 GiB}. */
    static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? figure(Math.rint(v)) : figure(v)) + " " + units[u];
    }

    /** A ratio: {@code 3.4×}. */
    static String ratio(double value) {
        return Double.isFinite(value) ? figure(value) + "×" : "n/a";
    }
}
