package org.borderid.finger.engine.extract;

import org.borderid.image.GrayImage;

/**
 * Stage 1: brings a capture to the 500 dpi grid every later stage is tuned for.
 *
 * <p>Downsampling (input above 500 dpi) averages each output pixel over its footprint in the input (area
 * interpolation, no aliasing of the ~9 px ridge period); upsampling interpolates linearly between pixel centres.
 * Both are separable: rows first, then columns. Captures already at 500 dpi (within {@link #TOLERANCE_DPI}) are only
 * converted to floats.
 */
public final class Resampler {
    /** The resolution every stage works at, dots per inch (ISO/IEC 19794-4 and FBI EBTS standard resolution). */
    public static final double TARGET_DPI = 500;
    /**
     * Resolutions this close to 500 dpi are not resampled, dpi. 0.5 dpi keeps the geometric error below 0.1 % (under
     * half a pixel across a 400 px capture); scanners declaring "500" are left untouched.
     */
    public static final double TOLERANCE_DPI = 0.5;

    private Resampler() {}

    /** The size of {@code width × height} pixels at {@code dpi} on the 500 dpi grid: {width, height}, each ≥ 1. */
    public static int[] targetSize(int width, int height, double dpi) {
        if (Math.abs(dpi - TARGET_DPI) <= TOLERANCE_DPI) {
            return new int[] {width, height};
        }
        double scale = TARGET_DPI / dpi;
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /** The gray image at 500 dpi as floats 0..255 (0 = black). */
    public static FloatRaster to500Dpi(GrayImage gray, double dpi) {
        int w = gray.width();
        int h = gray.height();
        byte[] pixels = gray.pixels();
        float[] src = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            src[i] = pixels[i] & 0xFF;
        }
        int[] size = targetSize(w, h, dpi);
        if (size[0] == w && size[1] == h) {
            return new FloatRaster(w, h, src);
        }
        Taps horizontal = Taps.of(w, size[0]);
        Taps vertical = Taps.of(h, size[1]);
        float[] rows = new float[size[0] * h];
        for (int y = 0; y < h; y++) {
            horizontal.apply(src, y * w, 1, rows, y * size[0], 1);
        }
        float[] out = new float[size[0] * size[1]];
        for (int x = 0; x < size[0]; x++) {
            vertical.apply(rows, x, size[0], out, x, size[0]);
        }
        return new FloatRaster(size[0], size[1], out);
    }

    /** For each output sample, the input indices and weights (area weights when shrinking, linear when growing). */
    private static final class Taps {
        private final int[] start;
        private final int[] count;
        private final int[] index;
        private final float[] weight;

        private Taps(int[] start, int[] count, int[] index, float[] weight) {
            this.start = start;
            this.count = count;
            this.index = index;
            this.weight = weight;
        }

        static Taps of(int in, int out) {
            double scale = (double) out / in;
            int maxTaps = scale < 1 ? (int) Math.ceil(1 / scale) + 2 : 2;
            int[] start = new int[out];
            int[] count = new int[out];
            int[] index = new int[out * maxTaps];
            float[] weight = new float[out * maxTaps];
            int n = 0;
            for (int j = 0; j < out; j++) {
                start[j] = n;
                if (scale < 1) {
                    double lo = j / scale;
                    double hi = Math.min(in, (j + 1) / scale);
                    for (int i = (int) Math.floor(lo); i < hi && i < in; i++) {
                        double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
                        if (overlap > 1e-9) {
                            index[n] = i;
                            weight[n++] = (float) (overlap * scale);
                        }
                    }
                } else {
                    double u = (j + 0.5) / scale - 0.5;
                    int i0 = (int) Math.floor(u);
                    double f = u - i0;
                    index[n] = Math.clamp(i0, 0, in - 1);
                    weight[n++] = (float) (1 - f);
                    index[n] = Math.clamp(i0 + 1, 0, in - 1);
                    weight[n++] = (float) f;
                }
                count[j] = n - start[j];
            }
            return new Taps(start, count, index, weight);
        }

        void apply(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset, int dstStride) {
            for (int j = 0; j < start.length; j++) {
                float sum = 0;
                float norm = 0;
                for (int k = start[j], end = k + count[j]; k < end; k++) {
                    sum += weight[k] * src[srcOffset + index[k] * srcStride];
                    norm += weight[k];
                }
                dst[dstOffset + j * dstStride] = norm > 0 ? sum / norm : 0;
            }
        }
    }
}
