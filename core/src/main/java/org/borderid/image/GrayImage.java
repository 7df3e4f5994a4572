package org.borderid.image;

import java.util.Arrays;

/**
 * An 8-bit grayscale raster, row-major, one byte per pixel (0 = black, 255 = white).
 *
 * <p>The pixel array is copied in and {@link #pixels()} returns a copy.
 */
public record GrayImage(int width, int height, byte[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
        }
        if (pixels == null || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("expected " + ((long) width * height) + " pixels for " + width + "x"
                    + height + ", got " + (pixels == null ? "null" : pixels.length));
        }
        pixels = pixels.clone();
    }

    /** A copy of the pixels. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The gray value (0..255) at column x, row y. */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
