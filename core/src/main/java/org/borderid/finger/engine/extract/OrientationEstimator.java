package org.borderid.finger.engine.extract;

/**
 * Stage 4: the ridge orientation field, from the gradient structure tensor (Kass &amp; Witkin 1987; Bazen &amp; Gerez
 * 2002) averaged in the doubled-angle domain, where opposite gradients across a ridge reinforce instead of cancelling.
 *
 * <p>Two scales: the tensor is first averaged over about two ridge periods ({@value #LOCAL_SIGMA} cells), which gives
 * each cell's own orientation and coherence; the coherence-weighted orientation vectors are then smoothed over
 * {@value #SMOOTH_SIGMA} cells inside the foreground, so that smudged or scarred cells borrow the orientation of their
 * clear neighbours while clear cells keep theirs.
 */
public final class OrientationEstimator {
    /** First averaging of the tensor, cells (1 cell = 8 px; σ = 8 px spans about two ridge periods). Range 0.7..1.5. */
    public static final double LOCAL_SIGMA = 1.0;
    /**
     * Smoothing of the coherence-weighted orientation vectors, cells (σ = 16 px). Larger bridges wider scars but
     * bends the field around cores and deltas. Range 1..3.
     */
    public static final double SMOOTH_SIGMA = 2.0;

    private OrientationEstimator() {}

    public static OrientationField estimate(FloatRaster bandpassed, ForegroundMask mask) {
        CellGrid grid = mask.grid();
        int w = bandpassed.width();
        int h = bandpassed.height();
        float[] d = bandpassed.data();
        int cols = grid.cols();
        int n = grid.cells();
        double[] sa = new double[n];
        double[] sb = new double[n];
        double[] se = new double[n];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int up = Math.max(0, y - 1) * w;
            int down = Math.min(h - 1, y + 1) * w;
            int cellRow = (y / CellGrid.CELL) * cols;
            for (int x = 0; x < w; x++) {
                float gx = d[row + Math.min(w - 1, x + 1)] - d[row + Math.max(0, x - 1)];
                float gy = d[down + x] - d[up + x];
                int c = cellRow + x / CellGrid.CELL;
                sa[c] += gx * gx - gy * gy;
                sb[c] += 2 * gx * gy;
                se[c] += gx * gx + gy * gy;
            }
        }
        float[] a = new float[n];
        float[] b = new float[n];
        float[] e = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) sa[i];
            b[i] = (float) sb[i];
            e[i] = (float) se[i];
        }
        a = grid.smooth(a, null, LOCAL_SIGMA);
        b = grid.smooth(b, null, LOCAL_SIGMA);
        e = grid.smooth(e, null, LOCAL_SIGMA);
        float[] coherence = new float[n];
        float[] va = new float[n];
        float[] vb = new float[n];
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            double norm = Math.hypot(a[i], b[i]);
            coherence[i] = e[i] > 1e-6f ? (float) Math.min(1, norm / e[i]) : 0;
            va[i] = norm > 0 ? (float) (coherence[i] * a[i] / norm) : 0;
            vb[i] = norm > 0 ? (float) (coherence[i] * b[i] / norm) : 0;
            weight[i] = mask.cell(i) ? 1 : 0.01f;
        }
        va = grid.smooth(va, weight, SMOOTH_SIGMA);
        vb = grid.smooth(vb, weight, SMOOTH_SIGMA);
        float[] cos2 = new float[n];
        float[] sin2 = new float[n];
        float[] reliability = new float[n];
        for (int i = 0; i < n; i++) {
            double norm = Math.hypot(va[i], vb[i]);
            reliability[i] = (float) Math.min(1, norm);
            // the gradient is perpendicular to the ridge: rotating by 90° adds π to the doubled angle
            cos2[i] = norm > 1e-9 ? (float) (-va[i] / norm) : 1;
            sin2[i] = norm > 1e-9 ? (float) (-vb[i] / norm) : 0;
        }
        return new OrientationField(grid, cos2, sin2, reliability, coherence);
    }
}
