package org.borderid.finger.engine.extract;

import java.util.Arrays;

/**
 * Stage 6: the local ridge period, from the spectrum of an oriented signature (the x-signature of Hong, Wan &amp; Jain
 * 1998): the band-passed image is averaged along the ridges in a window around each foreground cell and sampled
 * across them, and the dominant period of that profile (Hann-windowed Fourier power over the valid range, refined by
 * parabolic interpolation) is the cell's period. Cells whose profile is not clearly periodic borrow the period of
 * their neighbours; the field is then smoothed and clamped to {@link #MIN_PERIOD}..{@link #MAX_PERIOD}.
 */
public final class FrequencyEstimator {
    /**
     * Shortest ridge period considered, pixels at 500 dpi (0.25 mm; the finest adult and child ridges are about
     * 0.3 mm apart, Stücker et al. 2001).
     */
    public static final double MIN_PERIOD = 5;
    /** Longest ridge period considered, pixels at 500 dpi (0.76 mm, coarser than the widest adult ridges). */
    public static final double MAX_PERIOD = 15;
    /** Ridge period assumed where none can be measured, pixels at 500 dpi (0.46 mm, the adult average). */
    public static final float DEFAULT_PERIOD = 9;
    /** Length of the profile across the ridges, pixels (3.5 periods of 9 px). */
    public static final int PROFILE_LENGTH = 32;
    /** Half-length of the averaging along the ridges, pixels (9 px window: one period, little curvature). */
    public static final int ALONG_HALF = 4;
    /**
     * Spectral peak needed for a cell to measure its own period, as a fraction of a pure sinusoid's peak, 0..1.
     * White noise reaches about 0.1..0.25.
     */
    public static final double MIN_PEAK = 0.35;
    /** Smoothing of the period field, cells. */
    public static final double SMOOTH_SIGMA = 1.5;

    private static final int FREQUENCIES = 33;
    private static final double[][] COS = new double[FREQUENCIES][PROFILE_LENGTH];
    private static final double[][] SIN = new double[FREQUENCIES][PROFILE_LENGTH];
    private static final double[] HANN = new double[PROFILE_LENGTH];
    private static final double PURE_PEAK_RATIO;

    static {
        double windowSum = 0;
        double windowSquares = 0;
        for (int k = 0; k < PROFILE_LENGTH; k++) {
            HANN[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (k + 0.5) / PROFILE_LENGTH);
            windowSum += HANN[k];
            windowSquares += HANN[k] * HANN[k];
        }
        for (int f = 0; f < FREQUENCIES; f++) {
            double freq = frequency(f);
            for (int k = 0; k < PROFILE_LENGTH; k++) {
                COS[f][k] = HANN[k] * Math.cos(2 * Math.PI * freq * k);
                SIN[f][k] = HANN[k] * Math.sin(2 * Math.PI * freq * k);
            }
        }
        // power at the matching frequency over windowed energy, for a pure sinusoid of amplitude 1
        PURE_PEAK_RATIO = (windowSum * windowSum / 4) / (windowSquares / 2);
    }

    private FrequencyEstimator() {}

    private static double frequency(double f) {
        return 1 / MAX_PERIOD + f * (1 / MIN_PERIOD - 1 / MAX_PERIOD) / (FREQUENCIES - 1);
    }

    public static FrequencyField estimate(FloatRaster bandpassed, ForegroundMask mask, OrientationField orientation) {
        CellGrid grid = mask.grid();
        int n = grid.cells();
        float[] period = new float[n];
        float[] weight = new float[n];
        double[] profile = new double[PROFILE_LENGTH];
        for (int i = 0; i < n; i++) {
            // measured on every other cell each way: the field is smoothed over more than that anyway
            if (!mask.cell(i) || (i % grid.cols()) % 2 != 0 || (i / grid.cols()) % 2 != 0) {
                continue;
            }
            double cx = (i % grid.cols()) * CellGrid.CELL + CellGrid.CELL / 2.0 - 0.5;
            double cy = (i / grid.cols()) * CellGrid.CELL + CellGrid.CELL / 2.0 - 0.5;
            double theta = orientation.angle(i);
            profile(bandpassed, cx, cy, Math.cos(theta), Math.sin(theta), profile);
            double[] peak = dominantPeriod(profile);
            if (peak != null && peak[1] >= MIN_PEAK) {
                period[i] = (float) peak[0];
                weight[i] = (float) peak[1];
            }
        }
        float median = median(period, weight);
        float[] smoothed = grid.smooth(period, weight, SMOOTH_SIGMA);
        float[] filled = grid.smooth(period, weight, 3 * SMOOTH_SIGMA);
        for (int i = 0; i < n; i++) {
            float p = smoothed[i] > 0 ? smoothed[i] : filled[i] > 0 ? filled[i] : median;
            smoothed[i] = (float) Math.clamp(p, MIN_PERIOD, MAX_PERIOD);
        }
        return new FrequencyField(grid, smoothed, median);
    }

    private static void profile(FloatRaster image, double cx, double cy, double dx, double dy, double[] out) {
        double nx = -dy;
        double ny = dx;
        for (int k = 0; k < PROFILE_LENGTH; k++) {
            double s = k - (PROFILE_LENGTH - 1) / 2.0;
            double sum = 0;
            for (int t = -ALONG_HALF; t <= ALONG_HALF; t++) {
                sum += image.nearest(cx + s * nx + t * dx, cy + s * ny + t * dy);
            }
            out[k] = sum;
        }
    }

    /** {period, peak strength 0..1} of a profile, or null when it is flat. */
    static double[] dominantPeriod(double[] profile) {
        double mean = 0;
        for (double v : profile) {
            mean += v;
        }
        mean /= PROFILE_LENGTH;
        double energy = 0;
        for (int k = 0; k < PROFILE_LENGTH; k++) {
            double v = (profile[k] - mean) * HANN[k];
            energy += v * v;
        }
        if (energy <= 1e-9) {
            return null;
        }
        double[] power = new double[FREQUENCIES];
        int best = 0;
        for (int f = 0; f < FREQUENCIES; f++) {
            double re = 0;
            double im = 0;
            for (int k = 0; k < PROFILE_LENGTH; k++) {
                double v = profile[k] - mean;
                re += v * COS[f][k];
                im += v * SIN[f][k];
            }
            power[f] = re * re + im * im;
            if (power[f] > power[best]) {
                best = f;
            }
        }
        double offset = 0;
        if (best > 0 && best < FREQUENCIES - 1) {
            double l = power[best - 1];
            double c = power[best];
            double r = power[best + 1];
            double denominator = l - 2 * c + r;
            if (denominator < 0) {
                offset = Math.clamp(0.5 * (l - r) / denominator, -0.5, 0.5);
            }
        }
        double strength = Math.min(1, power[best] / energy / PURE_PEAK_RATIO);
        return new double[] {1 / frequency(best + offset), strength};
    }

    private static float median(float[] period, float[] weight) {
        int count = 0;
        float[] valid = new float[period.length];
        for (int i = 0; i < period.length; i++) {
            if (weight[i] > 0) {
                valid[count++] = period[i];
            }
        }
        if (count == 0) {
            return DEFAULT_PERIOD;
        }
        float[] sorted = Arrays.copyOf(valid, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }
}
