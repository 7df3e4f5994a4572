package org.borderid.image.engine.wsq;

/**
 * The inverse wavelet transform of WSQ: undoes the 20 two-dimensional splits of the wavelet tree, deepest first,
 * each as a vertical then a horizontal one-dimensional synthesis (the order of the NIST reference decoder).
 *
 * <p>One-dimensional synthesis of a line of {@code n} samples stored as ⌈n/2⌉ lowpass samples {@code L} and ⌊n/2⌋
 * highpass samples {@code H} (highpass first where the region is spectrally inverted):
 * <pre>  x[i] = Σ_k L[k]·g0[i − 2k] + Σ_k H[k]·g1[i − 2k − 1]</pre>
 * with the odd-length symmetric synthesis filters g0, g1 centred at 0. The encoder extended its input
 * whole-sample-symmetrically, so the subbands extend as follows: {@code L} whole-sample symmetric at the left and, at
 * the right, whole-sample if {@code n} is odd and half-sample if even; {@code H} half-sample at the left and, at the
 * right, half-sample if {@code n} is odd and whole-sample if even. Terms are summed in increasing {@code k}, lowpass
 * before highpass, in single precision: the same products in the same order as the reference decoder, so the
 * result is bit-identical to it.
 *
 * <p>Works in place on the coefficient plane with line buffers only (memory O(width + height) beyond the plane).
 */
public final class WsqSynthesis {
    private WsqSynthesis() {}

    /** Reconstructs the image plane (in place) from the dequantized coefficient plane. */
    public static void reconstruct(float[] plane, WsqSubbandLayout layout, WsqTransformTable transform) {
        int width = layout.width();
        LineSynthesis line = new LineSynthesis(Math.max(width, layout.height()), transform);
        for (int node = WsqSubbandLayout.NODES - 1; node >= 0; node--) {
            WsqSubbandLayout.Region r = layout.node(node);
            if (r.width() == 0 || r.height() == 0) {
                continue;
            }
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                line.run(plane, r.y() * width + x, width, r.height(), r.invertY());
            }
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                line.run(plane, y * width + r.x(), 1, r.width(), r.invertX());
            }
        }
    }

    /** One-dimensional synthesis with reusable buffers. */
    private static final class LineSynthesis {
        private final float[] lowpass;
        private final float[] highpass;
        private final int lowCentre;
        private final int highCentre;
        private final int lowPad;
        private final int highPad;
        private final float[] low;
        private final float[] high;
        private final float[] out;

        LineSynthesis(int maxLength, WsqTransformTable transform) {
            lowpass = transform.lowpassTaps();
            highpass = transform.highpassTaps();
            lowCentre = lowpass.length / 2;
            highCentre = highpass.length / 2;
            lowPad = lowCentre / 2 + 2;
            highPad = highCentre / 2 + 2;
            low = new float[(maxLength + 1) / 2 + 2 * lowPad];
            high = new float[maxLength / 2 + 2 * highPad];
            out = new float[maxLength];
        }

        /** Synthesizes {@code n} samples of {@code plane} starting at {@code start}, {@code step} apart, in place. */
        void run(float[] plane, int start, int step, int n, boolean inverted) {
            int lowCount = (n + 1) / 2;
            int highCount = n / 2;
            int lowStart = inverted ? start + highCount * step : start;
            int highStart = inverted ? start : start + lowCount * step;
            boolean oddLength = (n & 1) == 1;
            extend(plane, lowStart, step, lowCount, true, oddLength, low, lowPad);
            extend(plane, highStart, step, highCount, false, !oddLength, high, highPad);
            for (int i = 0; i < n; i++) {
                float sum = 0;
                for (int k = ceilHalf(i - lowCentre), last = Math.floorDiv(i + lowCentre, 2); k <= last; k++) {
                    sum += low[lowPad + k] * lowpass[lowCentre + i - 2 * k];
                }
                for (int k = ceilHalf(i - 1 - highCentre), last = Math.floorDiv(i - 1 + highCentre, 2); k <= last;
                        k++) {
                    sum += high[highPad + k] * highpass[highCentre + i - 1 - 2 * k];
                }
                out[i] = sum;
            }
            for (int i = 0, p = start; i < n; i++, p += step) {
                plane[p] = out[i];
            }
        }

        /**
         * Copies {@code count} samples into {@code dst[pad..]} and fills {@code pad} samples either side by
         * symmetric extension (whole-sample: the edge sample is the mirror; half-sample: it is repeated).
         */
        private static void extend(float[] plane, int start, int step, int count, boolean wholeLeft,
                                   boolean wholeRight, float[] dst, int pad) {
            if (count == 0) {
                java.util.Arrays.fill(dst, 0, 2 * pad, 0f);
                return;
            }
            for (int k = -pad; k < count + pad; k++) {
                dst[pad + k] = plane[start + reflect(k, count, wholeLeft, wholeRight) * step];
            }
        }

        /** Index {@code k} of a symmetric, periodic extension of {@code count} samples, mapped into 0..count−1. */
        static int reflect(int k, int count, boolean wholeLeft, boolean wholeRight) {
            if (k >= 0 && k < count) {
                return k;
            }
            int period = 2 * count - (wholeLeft ? 1 : 0) - (wholeRight ? 1 : 0);
            if (period <= 0) {
                return 0; // a single sample mirrored about itself on both sides
            }
            int m = Math.floorMod(k, period);
            return m < count ? m : period - m - (wholeLeft ? 0 : 1);
        }

        private static int ceilHalf(int v) {
            return -Math.floorDiv(-v, 2);
        }
    }
}
