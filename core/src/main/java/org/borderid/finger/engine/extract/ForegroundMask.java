package org.borderid.finger.engine.extract;

/**
 * Engine-internal: which pixels hold fingerprint ridges, at cell and pixel resolution, and each pixel's distance to
 * the nearest background pixel (or the image edge).
 */
public final class ForegroundMask {
    private final CellGrid grid;
    private final boolean[] cells;
    private final byte[] pixels;
    private final float[] distance;
    private final int area;

    ForegroundMask(CellGrid grid, boolean[] cells) {
        this.grid = grid;
        this.cells = cells;
        int w = grid.width();
        int h = grid.height();
        float[] indicator = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            indicator[i] = cells[i] ? 1 : 0;
        }
        float[] smooth = grid.toPixels(indicator);
        this.pixels = new byte[w * h];
        int count = 0;
        for (int i = 0; i < smooth.length; i++) {
            if (smooth[i] >= 0.5f) {
                pixels[i] = 1;
                count++;
            }
        }
        this.area = count;
        this.distance = chamferDistance(pixels, w, h);
    }

    public CellGrid grid() {
        return grid;
    }

    /** Whether cell {@code i} (row-major on the {@link CellGrid}) is foreground. */
    public boolean cell(int i) {
        return cells[i];
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < grid.width() && y < grid.height() && pixels[y * grid.width() + x] != 0;
    }

    /** Foreground pixels, at 500 dpi. */
    public int area() {
        return area;
    }

    /** Foreground cells. */
    public int cellCount() {
        int n = 0;
        for (boolean c : cells) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /** Distance from pixel ({@code x}, {@code y}) to the nearest background pixel or image edge, pixels (0 outside). */
    public float distanceToEdge(int x, int y) {
        if (x < 0 || y < 0 || x >= grid.width() || y >= grid.height()) {
            return 0;
        }
        return distance[y * grid.width() + x];
    }

    /** The pixel mask (1 = foreground), shared: callers must not modify it. */
    byte[] pixels() {
        return pixels;
    }

    /** The mask as a framed {@link BinaryImage} (a new copy). */
    BinaryImage toBinaryImage() {
        BinaryImage out = new BinaryImage(grid.width(), grid.height());
        byte[] b = out.data();
        for (int y = 0; y < grid.height(); y++) {
            System.arraycopy(pixels, y * grid.width(), b, out.index(0, y), grid.width());
        }
        return out;
    }

    /**
     * Two-pass 3-4 chamfer distance (Borgefors 1986; within 8 % of Euclidean) from each foreground pixel to the
     * nearest background pixel, where everything outside the image counts as background.
     */
    private static float[] chamferDistance(byte[] mask, int w, int h) {
        final int big = 1 << 28;
        int[] d = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (mask[i] == 0) {
                    d[i] = 0;
                    continue;
                }
                int v = big;
                v = Math.min(v, x > 0 ? d[i - 1] + 3 : 3);
                v = Math.min(v, y > 0 ? d[i - w] + 3 : 3);
                v = Math.min(v, x > 0 && y > 0 ? d[i - w - 1] + 4 : 4);
                v = Math.min(v, x < w - 1 && y > 0 ? d[i - w + 1] + 4 : 4);
                d[i] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (d[i] == 0) {
                    continue;
                }
                int v = d[i];
                v = Math.min(v, x < w - 1 ? d[i + 1] + 3 : 3);
                v = Math.min(v, y < h - 1 ? d[i + w] + 3 : 3);
                v = Math.min(v, x < w - 1 && y < h - 1 ? d[i + w + 1] + 4 : 4);
                v = Math.min(v, x > 0 && y < h - 1 ? d[i + w - 1] + 4 : 4);
                d[i] = v;
            }
        }
        float[] out = new float[w * h];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] / 3f;
        }
        return out;
    }
}
