package org.borderid.image.engine;

import static org.borderid.image.ImageFormatException.Reason.CORRUPT;
import static org.borderid.image.ImageFormatException.Reason.UNSUPPORTED_FORMAT;

import org.borderid.image.ImageFormat;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageHeader;
import org.borderid.image.ImageLimits;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Engine-internal: decodes PNG, JPEG, BMP and TIFF into an OpenCV {@link Mat} after the header passed the
 * {@link ImageLimits}. The caller owns (and must release) the returned Mat.
 */
public final class OpenCvImageDecoder {
    static {
        OpenCvNatives.ensureLoaded();
    }

    private OpenCvImageDecoder() {}

    /**
     * Decodes to 8-bit single-channel gray ({@code color == false}) or 8-bit 3-channel BGR ({@code color == true};
     * alpha dropped, EXIF orientation applied).
     *
     * @throws ImageFormatException for empty, unsupported, corrupt or oversized images
     */
    public static Mat decode(byte[] data, ImageLimits limits, boolean color) {
        ImageHeader header = ImageHeader.read(data);
        if (header.format() == ImageFormat.WSQ) {
            throw new ImageFormatException(UNSUPPORTED_FORMAT, "WSQ is a fingerprint format; decode it with WsqDecoder");
        }
        limits.check(header.width(), header.height());
        MatOfByte buffer = new MatOfByte(data);
        Mat mat;
        try {
            mat = Imgcodecs.imdecode(buffer, color ? Imgcodecs.IMREAD_COLOR : Imgcodecs.IMREAD_GRAYSCALE);
        } catch (RuntimeException e) { // cv::Exception surfaces as org.opencv.core.CvException
            throw new ImageFormatException(CORRUPT, header.format() + " data could not be decoded: " + e.getMessage(), e);
        } finally {
            buffer.release();
        }
        if (mat.empty()) {
            mat.release();
            throw new ImageFormatException(CORRUPT, header.format() + " data is corrupt or truncated");
        }
        if (mat.cols() != header.width() || mat.rows() != header.height()) {
            // EXIF rotation may swap the axes of JPEGs; anything else is a decoder/header disagreement.
            boolean rotated = mat.cols() == header.height() && mat.rows() == header.width();
            if (!rotated) {
                mat.release();
                throw new ImageFormatException(CORRUPT, "decoded size " + mat.cols() + "x" + mat.rows()
                        + " differs from the header's " + header.width() + "x" + header.height());
            }
        }
        int expected = color ? CvType.CV_8UC3 : CvType.CV_8UC1;
        if (mat.type() != expected) {
            Mat converted = new Mat();
            mat.convertTo(converted, expected);
            mat.release();
            mat = converted;
        }
        return mat;
    }

    /** Copies a continuous or non-continuous CV_8UC1 Mat into a row-major byte array. */
    public static byte[] grayPixels(Mat gray) {
        if (gray.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("expected CV_8UC1, got " + CvType.typeToString(gray.type()));
        }
        byte[] pixels = new byte[gray.rows() * gray.cols()];
        if (gray.isContinuous()) {
            gray.get(0, 0, pixels);
        } else {
            byte[] row = new byte[gray.cols()];
            for (int y = 0; y < gray.rows(); y++) {
                gray.get(y, 0, row);
                System.arraycopy(row, 0, pixels, y * gray.cols(), gray.cols());
            }
        }
        return pixels;
    }
}
