package org.borderid.finger.engine.extract;

/**
 * Engine-internal: the grid of {@value #CELL}×{@value #CELL} pixel cells on which the slowly varying fields
 * (foreground, orientation, ridge period) are estimated, and the bilinear interpolation that brings them back to
 * pixels. Cells on the right and bottom edges may be partial.
 */
public final class CellGrid {
    /**
     * Cell side, pixels at 500 dpi: a little under one ridge period (about 9 px at 500 dpi), fine enough to follow
     * the orientation around cores and deltas, coarse enough that the fields cost a few thousand values per image.
     */
    public static final int CELL = 8;

    private final int width;
    private final int height;
    private final int cols;
    private final int rows;

    public CellGrid(int width, int height) {
        this.width = width;
        this.height = height;
        this.cols = (width + CELL - 1) / CELL;
        this.rows = (height + CELL - 1) / CELL;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    public int cells() {
        return cols * rows;
    }

    /** The per-cell means of a pixel raster of this grid's size. */
    public float[] means(float[] pixels) {
        double[] sum = new double[cells()];
        for (int y = 0; y < height; y++) {
            int rowCell = (y / CELL) * cols;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                sum[rowCell + x / CELL] += pixels[row + x];
            }
        }
        float[] mean = new float[cells()];
        for (int r = 0; r < rows; r++) {
            int h = Math.min(CELL, height - r * CELL);
            for (int c = 0; c < cols; c++) {
                int w = Math.min(CELL, width - c * CELL);
                mean[r * cols + c] = (float) (sum[r * cols + c] / (w * h));
            }
        }
        return mean;
    }

    /**
     * Gaussian smoothing on the cell grid, weighted by {@code weights} (normalised convolution: cells of weight 0 do
     * not contribute, and a cell without weighted neighbours gets 0). {@code weights} may be null for uniform weights.
     *
     * @param sigma standard deviation, cells
     */
    public float[] smooth(float[] values, float[] weights, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(2.5 * sigma));
        float[] kernel = new float[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
        }
        int n = cells();
        float[] wv = new float[n];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            float wi = weights == null ? 1 : weights[i];
            wv[i] = wi * values[i];
            w[i] = wi;
        }
        float[] tv = new float[n];
        float[] tw = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float sv = 0;
                float sw = 0;
                for (int k = Math.max(-radius, -c); k <= Math.min(radius, cols - 1 - c); k++) {
                    int j = r * cols + c + k;
                    sv += kernel[k + radius] * wv[j];
                    sw += kernel[k + radius] * w[j];
                }
                tv[r * cols + c] = sv;
                tw[r * cols + c] = sw;
            }
        }
        float[] out = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float sv = 0;
                float sw = 0;
                for (int k = Math.max(-radius, -r); k <= Math.min(radius, rows - 1 - r); k++) {
                    int j = (r + k) * cols + c;
                    sv += kernel[k + radius] * tv[j];
                    sw += kernel[k + radius] * tw[j];
                }
                out[r * cols + c] = sw > 1e-12f ? sv / sw : 0;
            }
        }
        return out;
    }

    /** Bilinear interpolation of a cell field at pixel ({@code x}, {@code y}) between cell centres, clamped. */
    public float interpolate(float[] field, float x, float y) {
        float u = (x + 0.5f) / CELL - 0.5f;
        float v = (y + 0.5f) / CELL - 0.5f;
        u = u < 0 ? 0 : Math.min(u, cols - 1);
        v = v < 0 ? 0 : Math.min(v, rows - 1);
        int c0 = (int) u;
        int r0 = (int) v;
        int c1 = Math.min(c0 + 1, cols - 1);
        int r1 = Math.min(r0 + 1, rows - 1);
        float fu = u - c0;
        float fv = v - r0;
        float top = field[r0 * cols + c0] * (1 - fu) + field[r0 * cols + c1] * fu;
        float bottom = field[r1 * cols + c0] * (1 - fu) + field[r1 * cols + c1] * fu;
        return top * (1 - fv) + bottom * fv;
    }

    /** A whole pixel raster interpolated from a cell field (the same values as {@link #interpolate}). */
    public float[] toPixels(float[] field) {
        int[] c0 = new int[width];
        int[] c1 = new int[width];
        float[] fu = new float[width];
        for (int x = 0; x < width; x++) {
            float u = (x + 0.5f) / CELL - 0.5f;
            u = u < 0 ? 0 : Math.min(u, cols - 1);
            c0[x] = (int) u;
            c1[x] = Math.min(c0[x] + 1, cols - 1);
            fu[x] = u - c0[x];
        }
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            float v = (y + 0.5f) / CELL - 0.5f;
            v = v < 0 ? 0 : Math.min(v, rows - 1);
            int r0 = (int) v;
            int r1 = Math.min(r0 + 1, rows - 1);
            float fv = v - r0;
            int top = r0 * cols;
            int bottom = r1 * cols;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float t = field[top + c0[x]] * (1 - fu[x]) + field[top + c1[x]] * fu[x];
                float b = field[bottom + c0[x]] * (1 - fu[x]) + field[bottom + c1[x]] * fu[x];
                out[row + x] = t * (1 - fv) + b * fv;
            }
        }
        return out;
    }
}
