package org.borderid.finger.engine.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 7: contextual enhancement, an oriented Gabor filter tuned to the local ridge orientation and period (Hong,
 * Wan &amp; Jain 1998), applied as two one-dimensional passes: a Gabor band-pass across the ridges (a cosine of the
 * local period under a Gaussian envelope, zero mean) followed by a Gaussian smoothing along them. Where the
 * orientation is constant this equals the 2-D Gabor filter; it costs two short line filters per pixel instead of a
 * 2-D kernel, and the along-ridge pass bridges small breaks and pores while the across-ridge pass separates ridges
 * that touch.
 *
 * <p>Each pass samples the pixels of a one-pixel-wide band through the pixel at the local angle (one sample per unit
 * of length at any angle, weighted by its exact distance along the line). Orientations are quantised to
 * {@value #ANGLES} steps (5.6°) and periods to {@value #PERIOD_STEP} px; kernels are built once per class.
 */
public final class RidgeEnhancer {
    /** Orientation steps over 180°. 32 keeps the quantisation error (≤ 2.8°) below the field's own error. */
    public static final int ANGLES = 32;
    /** Period quantisation step, pixels. */
    public static final double PERIOD_STEP = 0.5;
    /**
     * Gaussian envelope across the ridges, in ridge periods (0.45 × 9 px ≈ 4 px, the σ of Hong et al. 1998). Larger
     * narrows the pass band and invents ridges in noise; smaller lets noise through. Range 0.35..0.6.
     */
    public static final double ACROSS_SIGMA = 0.45;
    /**
     * Gaussian smoothing along the ridges, in ridge periods (0.5 × 9 px = 4.5 px). Larger bridges longer breaks but
     * also erases short ridges and shifts endings. Range 0.3..0.8.
     */
    public static final double ALONG_SIGMA = 0.5;
    /** Kernel half-length, in envelope standard deviations (the Gaussian is below 4.4 % beyond). */
    private static final double SUPPORT = 2.5;

    private static final int PERIODS = (int) Math.round(
            (FrequencyEstimator.MAX_PERIOD - FrequencyEstimator.MIN_PERIOD) / PERIOD_STEP) + 1;
    private static final int PAD = (int) Math.ceil(SUPPORT * Math.max(ACROSS_SIGMA, ALONG_SIGMA)
            * FrequencyEstimator.MAX_PERIOD) + 2;
    /** Kernels indexed by {@code angle * PERIODS + period}. */
    private static final Kernel[] ACROSS = new Kernel[ANGLES * PERIODS];
    private static final Kernel[] ALONG = new Kernel[ANGLES * PERIODS];

    static {
        for (int a = 0; a < ANGLES; a++) {
            double theta = a * Math.PI / ANGLES;
            for (int p = 0; p < PERIODS; p++) {
                double period = FrequencyEstimator.MIN_PERIOD + p * PERIOD_STEP;
                ACROSS[a * PERIODS + p] = Kernel.gaborAcross(theta, period);
                ALONG[a * PERIODS + p] = Kernel.gaussianAlong(theta, period);
            }
        }
    }

    private RidgeEnhancer() {}

    /** The enhanced image: positive on ridges, negative in valleys, 0 outside the foreground. */
    public static FloatRaster enhance(FloatRaster bandpassed, ForegroundMask mask, OrientationField orientation,
            FrequencyField frequency) {
        int w = bandpassed.width();
        int h = bandpassed.height();
        int stride = w + 2 * PAD;
        float[] padded = new float[stride * (h + 2 * PAD)];
        float[] d = bandpassed.data();
        for (int y = 0; y < h; y++) {
            System.arraycopy(d, y * w, padded, (y + PAD) * stride + PAD, w);
        }
        // kernel index per pixel: angle * PERIODS + period, or -1 where nothing is computed
        CellGrid grid = mask.grid();
        short[] kernelIndex = kernelIndex(grid, mask, orientation, frequency);
        int[][] acrossOffsets = offsets(ACROSS, stride);
        int[][] alongOffsets = offsets(ALONG, stride);
        float[] across = new float[padded.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = kernelIndex[y * w + x];
                if (k < 0) {
                    continue;
                }
                int centre = (y + PAD) * stride + x + PAD;
                across[centre] = ACROSS[k].apply(padded, centre, acrossOffsets[k]);
            }
        }
        float[] out = new float[w * h];
        byte[] inside = mask.pixels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int k = kernelIndex[i];
                if (k < 0 || inside[i] == 0) {
                    continue;
                }
                int centre = (y + PAD) * stride + x + PAD;
                out[i] = ALONG[k].apply(across, centre, alongOffsets[k]);
            }
        }
        return new FloatRaster(w, h, out);
    }

    /** Per pixel, the kernel for its orientation and period; -1 for pixels farther than one cell from the mask. */
    private static short[] kernelIndex(CellGrid grid, ForegroundMask mask, OrientationField orientation,
            FrequencyField frequency) {
        int w = grid.width();
        int h = grid.height();
        int cols = grid.cols();
        int rows = grid.rows();
        boolean[] near = new boolean[grid.cells()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean any = false;
                for (int rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1) && !any; rr++) {
                    for (int cc = Math.max(0, c - 1); cc <= Math.min(cols - 1, c + 1) && !any; cc++) {
                        any = mask.cell(rr * cols + cc);
                    }
                }
                near[r * cols + c] = any;
            }
        }
        float[] cos2 = grid.toPixels(orientation.cos2());
        float[] sin2 = grid.toPixels(orientation.sin2());
        float[] period = grid.toPixels(frequency.periods());
        short[] index = new short[w * h];
        final float angleScale = (float) (ANGLES / (2 * Math.PI));
        final float periodScale = (float) (1 / PERIOD_STEP);
        final float minPeriod = (float) FrequencyEstimator.MIN_PERIOD;
        for (int y = 0; y < h; y++) {
            int cellRow = (y / CellGrid.CELL) * cols;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!near[cellRow + x / CellGrid.CELL]) {
                    index[i] = -1;
                    continue;
                }
                // the doubled angle's quantisation step (11.25°) dwarfs the approximation's error (0.3°)
                int a = Math.round(atan2(sin2[i], cos2[i]) * angleScale);
                a = a < 0 ? a + ANGLES : a >= ANGLES ? a - ANGLES : a;
                int p = Math.round((period[i] - minPeriod) * periodScale);
                p = p < 0 ? 0 : p >= PERIODS ? PERIODS - 1 : p;
                index[i] = (short) (a * PERIODS + p);
            }
        }
        return index;
    }

    /** atan2 within 0.005 rad (Rajan et al. 2006 rational approximation of atan on [−1, 1]), in (−π, π]. */
    static float atan2(float y, float x) {
        float ax = Math.abs(x);
        float ay = Math.abs(y);
        if (ax == 0 && ay == 0) {
            return 0;
        }
        float z = ax >= ay ? ay / ax : ax / ay;
        float a = z * (0.7853982f + 0.273f * (1 - z));
        if (ay > ax) {
            a = 1.5707964f - a;
        }
        if (x < 0) {
            a = 3.1415927f - a;
        }
        return y < 0 ? -a : a;
    }

    private static int[][] offsets(Kernel[] kernels, int stride) {
        int[][] out = new int[kernels.length][];
        for (int k = 0; k < kernels.length; k++) {
            int[] o = new int[kernels[k].dx.length];
            for (int t = 0; t < o.length; t++) {
                o[t] = kernels[k].dy[t] * stride + kernels[k].dx[t];
            }
            out[k] = o;
        }
        return out;
    }

    /** Taps of a line filter: pixel offsets and weights. */
    private static final class Kernel {
        final int[] dx;
        final int[] dy;
        final float[] weight;

        private Kernel(int[] dx, int[] dy, float[] weight) {
            this.dx = dx;
            this.dy = dy;
            this.weight = weight;
        }

        float apply(float[] image, int centre, int[] offsets) {
            float sum = 0;
            for (int t = 0; t < offsets.length; t++) {
                sum += weight[t] * image[centre + offsets[t]];
            }
            return sum;
        }

        /** Zero-mean Gabor across a ridge of direction theta, unit response to an aligned sinusoid of the period. */
        static Kernel gaborAcross(double theta, double period) {
            double sigma = ACROSS_SIGMA * period;
            List<double[]> taps = band(-Math.sin(theta), Math.cos(theta), SUPPORT * sigma);
            int n = taps.size();
            double[] envelope = new double[n];
            double[] wave = new double[n];
            double envelopeSum = 0;
            double waveSum = 0;
            for (int t = 0; t < n; t++) {
                double s = taps.get(t)[2];
                envelope[t] = Math.exp(-s * s / (2 * sigma * sigma));
                wave[t] = envelope[t] * Math.cos(2 * Math.PI * s / period);
                envelopeSum += envelope[t];
                waveSum += wave[t];
            }
            double gain = 0;
            double[] weight = new double[n];
            for (int t = 0; t < n; t++) {
                weight[t] = wave[t] - envelope[t] * waveSum / envelopeSum;
                gain += weight[t] * Math.cos(2 * Math.PI * taps.get(t)[2] / period);
            }
            return of(taps, weight, gain);
        }

        /** Normalised Gaussian along a ridge of direction theta. */
        static Kernel gaussianAlong(double theta, double period) {
            double sigma = ALONG_SIGMA * period;
            List<double[]> taps = band(Math.cos(theta), Math.sin(theta), SUPPORT * sigma);
            double[] weight = new double[taps.size()];
            double sum = 0;
            for (int t = 0; t < weight.length; t++) {
                double s = taps.get(t)[2];
                weight[t] = Math.exp(-s * s / (2 * sigma * sigma));
                sum += weight[t];
            }
            return of(taps, weight, sum);
        }

        private static Kernel of(List<double[]> taps, double[] weight, double gain) {
            int n = taps.size();
            int[] dx = new int[n];
            int[] dy = new int[n];
            float[] w = new float[n];
            for (int t = 0; t < n; t++) {
                dx[t] = (int) taps.get(t)[0];
                dy[t] = (int) taps.get(t)[1];
                w[t] = (float) (weight[t] / gain);
            }
            return new Kernel(dx, dy, w);
        }

        /**
         * The pixels of the one-pixel-wide band along unit direction (ux, uy) through the origin, up to {@code half}
         * either way: {dx, dy, position along the line}.
         */
        private static List<double[]> band(double ux, double uy, double half) {
            List<double[]> taps = new ArrayList<>();
            int r = (int) Math.ceil(half) + 1;
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    double along = dx * ux + dy * uy;
                    double off = -dx * uy + dy * ux;
                    if (Math.abs(along) <= half && off >= -0.5 && off < 0.5) {
                        taps.add(new double[] {dx, dy, along});
                    }
                }
            }
            return taps;
        }
    }
}
