package org.borderid.finger;

import java.util.Objects;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageDecoder;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageLimits;

/**
 * A fingerprint capture to extract from: 8-bit gray pixels and the scanner resolution.
 *
 * <p>Decoded from PNG, JPEG, BMP, TIFF or WSQ, or wrapped from raw gray pixels. The extractor brings every image to
 * 500 dpi, so {@link #dpi()} must be right: FVC2002 DB2, for instance, is 569 dpi.
 */
public final class FingerprintImage {
    /** Resolution assumed when none is given, dots per inch. */
    public static final double DEFAULT_DPI = 500;
    /** Lowest accepted resolution, dpi. Below this ridges (about 9 px apart at 500 dpi) are not resolved. */
    public static final double MIN_DPI = 200;
    /** Highest accepted resolution, dpi (4× the 500 dpi standard; larger values are treated as errors). */
    public static final double MAX_DPI = 2000;

    private final GrayImage gray;
    private final double dpi;

    private FingerprintImage(GrayImage gray, double dpi) {
        this.gray = Objects.requireNonNull(gray, "gray");
        this.dpi = checkDpi(dpi);
    }

    /** Decodes an image at {@link #DEFAULT_DPI}. */
    public static FingerprintImage decode(byte[] encoded) {
        return decode(encoded, DEFAULT_DPI);
    }

    /** Decodes an image with the given resolution and the default {@link ImageLimits}. */
    public static FingerprintImage decode(byte[] encoded, double dpi) {
        return decode(encoded, dpi, ImageLimits.DEFAULT);
    }

    /**
     * Decodes PNG, JPEG, BMP, TIFF (gray or colour) or WSQ.
     *
     * @throws ImageFormatException when the bytes are not a decodable image, too large, or dpi is out of range
     */
    public static FingerprintImage decode(byte[] encoded, double dpi, ImageLimits limits) {
        checkDpi(dpi);
        return new FingerprintImage(ImageDecoder.decodeGray(encoded, limits), dpi);
    }

    /** Wraps raw 8-bit gray pixels (row-major, 0 = black); the array is copied. */
    public static FingerprintImage fromGray(int width, int height, byte[] pixels, double dpi) {
        checkDpi(dpi);
        if (width <= 0 || height <= 0 || pixels == null || pixels.length != (long) width * height) {
            throw new ImageFormatException(ImageFormatException.Reason.INVALID_PARAMETER,
                    "raw gray image needs width*height bytes: " + width + "x" + height + " vs "
                            + (pixels == null ? "null" : pixels.length));
        }
        ImageLimits.DEFAULT.check(width, height);
        return new FingerprintImage(new GrayImage(width, height, pixels), dpi);
    }

    /** Wraps an already decoded gray image. */
    public static FingerprintImage of(GrayImage gray, double dpi) {
        return new FingerprintImage(gray, dpi);
    }

    private static double checkDpi(double dpi) {
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new ImageFormatException(ImageFormatException.Reason.INVALID_PARAMETER,
                    "resolution must be " + MIN_DPI + ".." + MAX_DPI + " dpi, got " + dpi);
        }
        return dpi;
    }

    public int width() {
        return gray.width();
    }

    public int height() {
        return gray.height();
    }

    /** Scanner resolution, dots per inch. */
    public double dpi() {
        return dpi;
    }

    /** The gray raster (immutable). */
    public GrayImage gray() {
        return gray;
    }

    @Override
    public String toString() {
        return "FingerprintImage[" + width() + "x" + height() + " @ " + dpi + " dpi]";
    }
}
