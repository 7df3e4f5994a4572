package org.borderid.finger.engine.extract;

/**
 * Engine-internal: a row-major {@code float} raster that the extraction stages pass to each other.
 *
 * <p>Stages own the rasters they create and never modify their inputs; the array is shared between stages (not
 * copied) because this type never leaves the engine.
 */
public final class FloatRaster {
    private final int width;
    private final int height;
    private final float[] data;

    /** A zero-filled raster. */
    public FloatRaster(int width, int height) {
        this(width, height, new float[checkedSize(width, height)]);
    }

    /** Wraps {@code data} (not copied): {@code width × height} values, row-major. */
    public FloatRaster(int width, int height, float[] data) {
        if (data.length != checkedSize(width, height)) {
            throw new IllegalArgumentException("raster of " + width + "x" + height + " needs " + width * height
                    + " values, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    private static int checkedSize(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad raster size " + width + "x" + height);
        }
        return width * height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array (shared, row-major). Engine stages read it directly in their inner loops. */
    public float[] data() {
        return data;
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    /** The value at the nearest pixel to ({@code x}, {@code y}), coordinates clamped into the raster. */
    public float nearest(double x, double y) {
        int ix = (int) Math.round(x);
        int iy = (int) Math.round(y);
        ix = ix < 0 ? 0 : ix >= width ? width - 1 : ix;
        iy = iy < 0 ? 0 : iy >= height ? height - 1 : iy;
        return data[iy * width + ix];
    }
}
