package org.borderid.image;

import static org.borderid.image.ImageFormatException.Reason.CORRUPT;
import static org.borderid.image.ImageFormatException.Reason.EMPTY;
import static org.borderid.image.ImageFormatException.Reason.UNSUPPORTED_FORMAT;

import java.util.Objects;

/**
 * Format and dimensions read from an encoded image's header without decoding any pixels.
 *
 * <p>This is what lets every decoder refuse oversized images (see {@link ImageLimits}) before allocating a raster.
 *
 * @param format the format recognised from the magic bytes
 * @param width  declared width, pixels
 * @param height declared height, pixels
 */
public record ImageHeader(ImageFormat format, int width, int height) {
    public ImageHeader {
        Objects.requireNonNull(format, "format");
    }

    /**
     * Recognises the format and reads the declared dimensions.
     *
     * @throws ImageFormatException {@code EMPTY}, {@code UNSUPPORTED_FORMAT} or {@code CORRUPT} (header truncated or
     *                              inconsistent)
     */
    public static ImageHeader read(byte[] data) {
        if (data == null || data.length == 0) {
            throw new ImageFormatException(EMPTY, "no image bytes");
        }
        ImageFormat format = detect(data);
        if (format == null) {
            throw new ImageFormatException(UNSUPPORTED_FORMAT,
                    "not a PNG, JPEG, BMP, TIFF or WSQ image (first bytes " + hexPrefix(data) + ")");
        }
        try {
            return switch (format) {
                case PNG -> png(data);
                case JPEG -> jpegLike(data, format);
                case BMP -> bmp(data);
                case TIFF -> tiff(data);
                case WSQ -> jpegLike(data, format);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ImageFormatException(CORRUPT, format + " header is truncated", e);
        }
    }

    /** The format recognised from the magic bytes, or {@code null}. */
    public static ImageFormat detect(byte[] d) {
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return ImageFormat.PNG;
        }
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (d.length >= 2 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xA0) {
            return ImageFormat.WSQ;
        }
        if (d.length >= 2 && d[0] == 'B' && d[1] == 'M') {
            return ImageFormat.BMP;
        }
        if (d.length >= 4 && ((d[0] == 'I' && d[1] == 'I' && d[2] == 42 && d[3] == 0)
                || (d[0] == 'M' && d[1] == 'M' && d[2] == 0 && d[3] == 42))) {
            return ImageFormat.TIFF;
        }
        return null;
    }

    private static ImageHeader png(byte[] d) {
        // Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), all big-endian.
        if (d.length < 24 || d[12] != 'I' || d[13] != 'H' || d[14] != 'D' || d[15] != 'R') {
            throw new ImageFormatException(CORRUPT, "PNG without an IHDR chunk");
        }
        return new ImageHeader(ImageFormat.PNG, be32(d, 16), be32(d, 20));
    }

    /**
     * JPEG and WSQ share the marker syntax: 0xFF, marker byte, then (except for standalone markers) a big-endian
     * segment length that includes itself. JPEG's SOFn carries precision (1), height (2), width (2); WSQ's SOF (0xFFA2)
     * carries black (1), white (1), height (2), width (2).
     */
    private static ImageHeader jpegLike(byte[] d, ImageFormat format) {
        int pos = 2;
        while (pos + 4 <= d.length) {
            if ((d[pos] & 0xFF) != 0xFF) {
                throw new ImageFormatException(CORRUPT, format + " marker expected at byte " + pos);
            }
            int marker = d[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            int length = be16(d, pos + 2);
            if (length < 2) {
                throw new ImageFormatException(CORRUPT, format + " segment with length " + length);
            }
            int payload = pos + 4;
            if (format == ImageFormat.JPEG && isJpegStartOfFrame(marker)) {
                return new ImageHeader(format, be16(d, payload + 3), be16(d, payload + 1));
            }
            if (format == ImageFormat.WSQ && marker == 0xA2) {
                return new ImageHeader(format, be16(d, payload + 4), be16(d, payload + 2));
            }
            if ((format == ImageFormat.JPEG && (marker == 0xD9 || marker == 0xDA))
                    || (format == ImageFormat.WSQ && (marker == 0xA1 || marker == 0xA3))) {
                break; // end of image or start of scan/block before any frame header
            }
            pos += 2 + length;
        }
        throw new ImageFormatException(CORRUPT, format + " without a frame header (truncated?)");
    }

    private static boolean isJpegStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static ImageHeader bmp(byte[] d) {
        // BITMAPFILEHEADER (14) then a DIB header whose size says which variant; width/height signed little-endian.
        int dibSize = le32(d, 14);
        int width;
        int height;
        if (dibSize == 12) { // BITMAPCOREHEADER: 16-bit dimensions
            width = le16(d, 18);
            height = le16(d, 20);
        } else if (dibSize >= 40) {
            width = le32(d, 18);
            height = Math.abs(le32(d, 22)); // negative height = top-down rows
        } else {
            throw new ImageFormatException(CORRUPT, "BMP with unknown DIB header size " + dibSize);
        }
        return new ImageHeader(ImageFormat.BMP, width, height);
    }

    private static ImageHeader tiff(byte[] d) {
        boolean little = d[0] == 'I';
        long ifd = u32(d, 4, little);
        if (ifd < 8 || ifd + 2 > d.length) {
            throw new ImageFormatException(CORRUPT, "TIFF first IFD offset " + ifd + " is outside the file");
        }
        int entries = u16(d, (int) ifd, little);
        int width = -1;
        int height = -1;
        for (int i = 0; i < entries; i++) {
            int e = (int) ifd + 2 + 12 * i;
            int tag = u16(d, e, little);
            int type = u16(d, e + 2, little);
            if (tag != 256 && tag != 257) {
                continue;
            }
            // SHORT (3) or LONG (4) value stored in the entry itself.
            long value = type == 3 ? u16(d, e + 8, little) : u32(d, e + 8, little);
            if (value > Integer.MAX_VALUE) {
                throw new ImageFormatException(ImageFormatException.Reason.TOO_LARGE,
                        "TIFF declares a dimension of " + value + " pixels; refused before decoding");
            }
            if (tag == 256) {
                width = (int) value;
            } else {
                height = (int) value;
            }
        }
        if (width < 0 || height < 0) {
            throw new ImageFormatException(CORRUPT, "TIFF without ImageWidth/ImageLength tags");
        }
        return new ImageHeader(ImageFormat.TIFF, width, height);
    }

    private static int be16(byte[] d, int i) {
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }

    private static int be32(byte[] d, int i) {
        long v = ((long) (d[i] & 0xFF) << 24) | ((d[i + 1] & 0xFF) << 16) | ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    private static int le16(byte[] d, int i) {
        return (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8);
    }

    private static int le32(byte[] d, int i) {
        return (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8) | ((d[i + 2] & 0xFF) << 16) | ((d[i + 3] & 0xFF) << 24);
    }

    private static int u16(byte[] d, int i, boolean little) {
        return little ? le16(d, i) : be16(d, i);
    }

    private static long u32(byte[] d, int i, boolean little) {
        return little ? le32(d, i) & 0xFFFFFFFFL
                : ((long) (d[i] & 0xFF) << 24) | ((d[i + 1] & 0xFF) << 16) | ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
    }

    private static String hexPrefix(byte[] d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, d.length); i++) {
            sb.append(String.format("%02x", d[i] & 0xFF));
        }
        return sb.toString();
    }
}
