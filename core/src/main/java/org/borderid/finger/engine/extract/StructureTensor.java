package org.borderid.finger.engine.extract;

/**
 * Stage 3: the gradient structure tensor per cell (Kass &amp; Witkin 1987; Bazen &amp; Gerez 2002), averaged over about
 * two ridge periods: each cell's own dominant gradient direction as a doubled-angle vector and its coherence 0..1
 * (1 = perfectly parallel ridges, about 0.1 for noise). Segmentation uses the coherence to tell ridges from textured
 * background; {@link OrientationEstimator} smooths the vectors into the orientation field.
 *
 * <p>In the doubled-angle domain, opposite gradients on the two flanks of a ridge reinforce instead of cancelling.
 */
public final class StructureTensor {
    /** Gaussian averaging of the tensor, cells (1 cell = 8 px; σ = 8 px spans about two ridge periods). Range 0.7..1.5. */
    public static final double SIGMA = 1.0;

    private final CellGrid grid;
    private final float[] va;
    private final float[] vb;
    private final float[] coherence;

    private StructureTensor(CellGrid grid, float[] va, float[] vb, float[] coherence) {
        this.grid = grid;
        this.va = va;
        this.vb = vb;
        this.coherence = coherence;
    }

    public CellGrid grid() {
        return grid;
    }

    /** Coherence of cell {@code i}, 0..1. */
    public float coherence(int i) {
        return coherence[i];
    }

    /** Gradient doubled-angle vectors (cos 2φ, sin 2φ) scaled by the coherence, per cell. */
    float[] va() {
        return va;
    }

    float[] vb() {
        return vb;
    }

    float[] coherences() {
        return coherence;
    }

    public static StructureTensor compute(FloatRaster bandpassed) {
        int w = bandpassed.width();
        int h = bandpassed.height();
        CellGrid grid = new CellGrid(w, h);
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
        a = grid.smooth(a, null, SIGMA);
        b = grid.smooth(b, null, SIGMA);
        e = grid.smooth(e, null, SIGMA);
        float[] coherence = new float[n];
        float[] va = new float[n];
        float[] vb = new float[n];
        for (int i = 0; i < n; i++) {
            double norm = Math.hypot(a[i], b[i]);
            coherence[i] = e[i] > 1e-6f ? (float) Math.min(1, norm / e[i]) : 0;
            va[i] = norm > 0 ? (float) (coherence[i] * a[i] / norm) : 0;
            vb[i] = norm > 0 ? (float) (coherence[i] * b[i] / norm) : 0;
        }
        return new StructureTensor(grid, va, vb, coherence);
    }
}
