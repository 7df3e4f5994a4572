package org.borderid.finger.engine.extract;

/**
 * Engine-internal: a Gaussian blur approximated by three separable box means with running sums (cost independent of
 * the radius; by the central limit, three boxes are close to a Gaussian, and the variance of a box of width {@code w}
 * is {@code (w² − 1) / 12}).
 *
 * <p>Near the edges the window is cut to the raster and the mean is taken over the pixels inside, so no border
 * value is invented.
 */
public final class BoxFilter {
    private BoxFilter() {}

    /**
     * An approximate Gaussian blur of standard deviation {@code sigma} (pixels): three box passes whose width is
     * chosen so that their summed variance is closest to {@code sigma²}. Returns a new array.
     */
    public static float[] gaussian(float[] src, int width, int height, double sigma) {
        int r = radiusFor(sigma);
        float[] a = new float[src.length];
        float[] b = new float[src.length];
        horizontal(src, a, width, height, r);
        horizontal(a, b, width, height, r);
        horizontal(b, a, width, height, r);
        vertical(a, b, width, height, r);
        vertical(b, a, width, height, r);
        vertical(a, b, width, height, r);
        return b;
    }

    /** The box radius whose three-fold repetition has a standard deviation closest to {@code sigma}. */
    static int radiusFor(double sigma) {
        double w = Math.sqrt(4 * sigma * sigma + 1); // 3 (w² − 1) / 12 = σ²
        return Math.max(0, (int) Math.round((w - 1) / 2));
    }

    private static void horizontal(float[] src, float[] dst, int width, int height, int r) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            double sum = 0;
            int lo = 0;
            int hi = Math.min(width - 1, r);
            for (int x = lo; x <= hi; x++) {
                sum += src[row + x];
            }
            for (int x = 0; x < width; x++) {
                int newLo = x - r;
                int newHi = x + r;
                if (newHi < width && newHi > hi) {
                    sum += src[row + newHi];
                    hi = newHi;
                }
                if (newLo > lo) {
                    sum -= src[row + lo];
                    lo = newLo;
                }
                dst[row + x] = (float) (sum / (hi - lo + 1));
            }
        }
    }

    private static void vertical(float[] src, float[] dst, int width, int height, int r) {
        double[] sum = new double[width];
        int hi = Math.min(height - 1, r);
        for (int y = 0; y <= hi; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                sum[x] += src[row + x];
            }
        }
        int lo = 0;
        for (int y = 0; y < height; y++) {
            int newLo = y - r;
            int newHi = y + r;
            if (newHi < height && newHi > hi) {
                int row = newHi * width;
                for (int x = 0; x < width; x++) {
                    sum[x] += src[row + x];
                }
                hi = newHi;
            }
            if (newLo > lo) {
                int row = lo * width;
                for (int x = 0; x < width; x++) {
                    sum[x] -= src[row + x];
                }
                lo = newLo;
            }
            float inv = 1f / (hi - lo + 1);
            int row = y * width;
            for (int x = 0; x < width; x++) {
                dst[row + x] = (float) (sum[x] * inv);
            }
        }
    }
}
