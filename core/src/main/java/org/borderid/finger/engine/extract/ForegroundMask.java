package org.borderid.finger.engine.extract;

/**
 * Engine-internal: which pixels hold fingerprint ridges, at cell and pixel resolution, and how strong the ridge
 * contrast is around each cell.
 */
public final class ForegroundMask {
    private final CellGrid grid;
    private final boolean[] cells;
    private final byte[] pixels;
    private final int area;
    private final float[] relativeContrast;

    ForegroundMask(CellGrid grid, boolean[] cells, float[] relativeContrast) {
        this.grid = grid;
        this.cells = cells;
        this.relativeContrast = relativeContrast;
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

    /**
     * The ridge contrast of the cells around a pixel relative to the image's strong ridge contrast (its 95th
     * percentile), interpolated: about 1 on well-printed ridges, near 0 in blank, saturated or washed-out patches.
     */
    public float relativeContrastAt(float x, float y) {
        return grid.interpolate(relativeContrast, x, y);
    }

    /** Foreground pixels, at 500 dpi. */
    public int area() {
        return area;
    }

    /**
     * Whether pixel ({@code x}, {@code y}) lies at least {@code distance} pixels (Euclidean) from every background
     * pixel and from the image edge. Looks only at the disc of that radius, so it costs O(distance²) per query: the
     * filter asks this for a few hundred minutiae, far less than a distance transform of the whole image.
     */
    public boolean isInterior(int x, int y, double distance) {
        if (!contains(x, y)) {
            return false;
        }
        int w = grid.width();
        int h = grid.height();
        int r = (int) Math.ceil(distance);
        double limit = distance * distance;
        if (x < distance || y < distance || w - 1 - x < distance || h - 1 - y < distance) {
            // the edge of the image counts as background, one pixel beyond the last row or column
            double toEdge = Math.min(Math.min(x + 1, y + 1), Math.min(w - x, h - y));
            if (toEdge < distance) {
                return false;
            }
        }
        for (int dy = -r; dy <= r; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < w && dx * dx + dy * dy < limit && pixels[yy * w + xx] == 0) {
                    return false;
                }
            }
        }
        return true;
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
}
