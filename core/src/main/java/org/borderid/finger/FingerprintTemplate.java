package org.borderid.finger;

import java.util.List;

/**
 * An immutable fingerprint template: minutiae in a 500 dpi pixel grid, the size of that grid and the capture's
 * quality.
 *
 * <p>(Serialization and the matcher's precomputed structures are being added; see issue 2.)
 */
public final class FingerprintTemplate {
    private final int width;
    private final int height;
    private final List<Minutia> minutiae;
    private final int quality;

    private FingerprintTemplate(int width, int height, List<Minutia> minutiae, int quality) {
        if (width <= 0 || height <= 0 || width > Minutia.MAX_COORDINATE + 1 || height > Minutia.MAX_COORDINATE + 1) {
            throw new IllegalArgumentException("template size out of range: " + width + "x" + height);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality out of range 0..100: " + quality);
        }
        this.width = width;
        this.height = height;
        this.minutiae = List.copyOf(minutiae);
        this.quality = quality;
    }

    /**
     * A template of the given minutiae.
     *
     * @param width    width of the 500 dpi grid, pixels
     * @param height   height of the 500 dpi grid, pixels
     * @param minutiae the minutiae (copied)
     * @param quality  capture quality 0..100
     */
    public static FingerprintTemplate of(int width, int height, List<Minutia> minutiae, int quality) {
        return new FingerprintTemplate(width, height, minutiae, quality);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The minutiae (unmodifiable). */
    public List<Minutia> minutiae() {
        return minutiae;
    }

    public int quality() {
        return quality;
    }

    @Override
    public String toString() {
        return "FingerprintTemplate[" + width + "x" + height + ", " + minutiae.size() + " minutiae, quality " + quality + "]";
    }
}
