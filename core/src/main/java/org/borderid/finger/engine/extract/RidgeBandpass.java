package org.borderid.finger.engine.extract;

/**
 * Stage 2: keeps the band of spatial frequencies where ridges live and flips the polarity so that ridges are
 * positive. Illumination gradients, pressure (overall darkness) and pixel noise are removed before segmentation and
 * orientation estimation look at the image.
 *
 * <p>Difference of Gaussians: a 3×3 binomial blur (σ ≈ 0.7 px, still passes 65 % of the finest 5 px ridge period)
 * minus a wide blur of σ ≈ {@value #BACKGROUND_SIGMA} px, which passes under 1 % of a 9 px ridge period
 * ({@code exp(−2π²σ²/T²)}) and so estimates the local background, while keeping 80 % of coarse 15 px periods.
 */
public final class RidgeBandpass {
    /** Standard deviation of the local background estimate, pixels at 500 dpi (range 3.5..6). */
    public static final double BACKGROUND_SIGMA = 4.5;

    private RidgeBandpass() {}

    /** The band-passed image, ridges positive, valleys negative, mean about 0. */
    public static FloatRaster apply(FloatRaster gray) {
        int w = gray.width();
        int h = gray.height();
        float[] g = gray.data();
        float[] background = BoxFilter.gaussian(g, w, h, BACKGROUND_SIGMA);
        float[] rows = new float[g.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float left = g[row + Math.max(0, x - 1)];
                float right = g[row + Math.min(w - 1, x + 1)];
                rows[row + x] = 0.25f * left + 0.5f * g[row + x] + 0.25f * right;
            }
        }
        float[] out = new float[g.length];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int row = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                float smooth = 0.25f * rows[up + x] + 0.5f * rows[row + x] + 0.25f * rows[down + x];
                out[row + x] = background[row + x] - smooth;
            }
        }
        return new FloatRaster(w, h, out);
    }
}
