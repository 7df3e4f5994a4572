package org.borderid.image;

/**
 * Size limits checked against an image's header before any pixel is decoded, so that a small file declaring a huge
 * image cannot exhaust memory.
 *
 * @param maxWidth  widest accepted image, pixels (1..65535)
 * @param maxHeight tallest accepted image, pixels (1..65535)
 * @param maxPixels most pixels accepted (width × height)
 */
public record ImageLimits(int maxWidth, int maxHeight, long maxPixels) {
    /**
     * Defaults: 8192 × 8192 and 40 megapixels. A 1000 dpi ten-print slap card (about 8 × 5 inches) or a 20-megapixel
     * camera frame fits; a header claiming 30000 × 30000 does not.
     */
    public static final ImageLimits DEFAULT = new ImageLimits(8192, 8192, 40_000_000L);

    public ImageLimits {
        if (maxWidth < 1 || maxWidth > 65535 || maxHeight < 1 || maxHeight > 65535) {
            throw new IllegalArgumentException("maxWidth/maxHeight must be in 1..65535: " + maxWidth + "x" + maxHeight);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
    }

    /** Throws {@link ImageFormatException} ({@code TOO_LARGE}) if the dimensions exceed these limits. */
    public void check(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new ImageFormatException(ImageFormatException.Reason.CORRUPT,
                    "image declares non-positive dimensions " + width + "x" + height);
        }
        if (width > maxWidth || height > maxHeight || (long) width * height > maxPixels) {
            throw new ImageFormatException(ImageFormatException.Reason.TOO_LARGE,
                    "image of " + width + "x" + height + " pixels exceeds the limit of " + maxWidth + "x" + maxHeight
                            + " and " + maxPixels + " pixels; refused before decoding");
        }
    }
}
