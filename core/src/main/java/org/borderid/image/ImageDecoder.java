package org.borderid.image;

import org.borderid.image.engine.OpenCvImageDecoder;
import org.borderid.image.engine.WsqDecoder;
import org.opencv.core.Mat;

/**
 * Decodes PNG, JPEG, BMP, TIFF (8-bit gray or colour) and WSQ to 8-bit gray. Dimensions are checked against
 * {@link ImageLimits} from the header, before any pixel is decoded.
 */
public final class ImageDecoder {
    private ImageDecoder() {}

    /** {@link #decodeGray(byte[], ImageLimits)} with {@link ImageLimits#DEFAULT}. */
    public static GrayImage decodeGray(byte[] encoded) {
        return decodeGray(encoded, ImageLimits.DEFAULT);
    }

    /**
     * Decodes any supported format to gray (colour is converted with the ITU-R BT.601 luma weights).
     *
     * @throws ImageFormatException when the bytes are empty, not a supported image, corrupt, or too large
     */
    public static GrayImage decodeGray(byte[] encoded, ImageLimits limits) {
        ImageHeader header = ImageHeader.read(encoded);
        if (header.format() == ImageFormat.WSQ) {
            return WsqDecoder.decode(encoded, limits);
        }
        Mat mat = OpenCvImageDecoder.decode(encoded, limits, false);
        try {
            return new GrayImage(mat.cols(), mat.rows(), OpenCvImageDecoder.grayPixels(mat));
        } finally {
            mat.release();
        }
    }
}
