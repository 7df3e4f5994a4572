package org.borderid.finger.engine.extract;

/**
 * Engine-internal: a binary raster (1 = ridge) with a one-pixel frame of zeros around it, so that 8-neighbourhood
 * lookups never leave the array. Pixel ({@code x}, {@code y}) is at {@code (y + 1) * stride() + x + 1}.
 */
public final class BinaryImage {
    private final int width;
    private final int height;
    private final byte[] data;

    public BinaryImage(int width, int height) {
        this.width = width;
        this.height = height;
        this.data = new byte[(width + 2) * (height + 2)];
    }

    BinaryImage(BinaryImage other) {
        this.width = other.width;
        this.height = other.height;
        this.data = other.data.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int stride() {
        return width + 2;
    }

    /** Index of pixel (x, y) in {@link #data()}. */
    public int index(int x, int y) {
        return (y + 1) * (width + 2) + x + 1;
    }

    public boolean get(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && data[index(x, y)] != 0;
    }

    /** The framed array (shared). */
    byte[] data() {
        return data;
    }

    /**
     * The 8 neighbours of array index {@code i} as bits, clockwise from north: bit 0 N, 1 NE, 2 E, 3 SE, 4 S, 5 SW,
     * 6 W, 7 NW.
     */
    int neighbours(int i) {
        int s = width + 2;
        return (data[i - s] & 1) | (data[i - s + 1] & 1) << 1 | (data[i + 1] & 1) << 2 | (data[i + s + 1] & 1) << 3
                | (data[i + s] & 1) << 4 | (data[i + s - 1] & 1) << 5 | (data[i - 1] & 1) << 6
                | (data[i - s - 1] & 1) << 7;
    }

    /** Array offsets of the 8 neighbours in {@link #neighbours} bit order. */
    int[] neighbourOffsets() {
        int s = width + 2;
        return new int[] {-s, -s + 1, 1, s + 1, s, s - 1, -1, -s - 1};
    }
}
