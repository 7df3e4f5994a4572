package org.borderid.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.borderid.finger.FingerprintImage;
import org.borderid.image.ImageFormatException.Reason;
import org.borderid.image.engine.wsq.WsqTestEncoder;
import org.borderid.opencv.OpenCvNatives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Deliberately bad input for every decoder (PNG, JPEG, BMP, TIFF through OpenCV; WSQ in Java): each outcome is an
 * image of the declared size or a typed {@link ImageFormatException}, never another exception or a native crash.
 * Inputs are generated here (OpenCV's encoders, the test WSQ encoder), so no shared data is needed. Cases that
 * {@code ImageDecoderTest} covers (empty bytes, plain text, a huge PNG header) are not repeated.
 */
class ImageDecodingBadInputTest {
    private static final long SEED = 0xBAD_1A9EL;
    private static final int WIDTH = 97;
    private static final int HEIGHT = 61;

    /** A ridge-like test pattern (sum of a horizontal and a vertical wave). */
    private static byte[] pattern(int width, int height) {
        byte[] gray = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                gray[y * width + x] = (byte) Math.round(128 + 60 * Math.sin(0.7 * x) + 60 * Math.sin(0.45 * y));
            }
        }
        return gray;
    }

    private static byte[] encode(ImageFormat format, byte[] gray, int width, int height) {
        if (format == ImageFormat.WSQ) {
            return WsqTestEncoder.encode(gray, width, height);
        }
        OpenCvNatives.ensureLoaded();
        Mat mat = new Mat(height, width, CvType.CV_8UC1);
        MatOfByte buffer = new MatOfByte();
        try {
            mat.put(0, 0, gray);
            String extension = switch (format) {
                case PNG -> ".png";
                case JPEG -> ".jpg";
                case BMP -> ".bmp";
                case TIFF -> ".tif";
                case WSQ -> throw new AssertionError();
            };
            assertThat(Imgcodecs.imencode(extension, mat, buffer)).isTrue();
            return buffer.toArray();
        } finally {
            mat.release();
            buffer.release();
        }
    }

    private static byte[] sample(ImageFormat format) {
        return encode(format, pattern(WIDTH, HEIGHT), WIDTH, HEIGHT);
    }

    /** An image of the declared size, or a typed refusal: the only acceptable outcomes for damaged data. */
    private static void assertDecodesOrRefuses(byte[] data, String description) {
        try {
            GrayImage image = ImageDecoder.decodeGray(data);
            ImageHeader header = ImageHeader.read(data);
            assertThat(image.width() * image.height()).as(description)
                    .isEqualTo(header.width() * header.height());
        } catch (ImageFormatException expected) {
            assertThat(expected.reason()).as(description + ": " + expected.getMessage())
                    .isIn(Reason.CORRUPT, Reason.UNSUPPORTED_FORMAT, Reason.EMPTY);
        } catch (RuntimeException | Error unexpected) {
            throw new AssertionError(description + ": " + unexpected, unexpected);
        }
    }

    private static void assertReason(byte[] data, Reason reason) {
        assertThatThrownBy(() -> ImageDecoder.decodeGray(data))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void decodesTheUndamagedSampleOfEveryFormat(ImageFormat format) {
        byte[] data = sample(format);
        assertThat(ImageHeader.read(data)).isEqualTo(new ImageHeader(format, WIDTH, HEIGHT));
        GrayImage image = ImageDecoder.decodeGray(data);
        assertThat(image.width()).isEqualTo(WIDTH);
        assertThat(image.height()).isEqualTo(HEIGHT);
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void refusesEmptyBytesForEveryFormat(ImageFormat format) {
        assertReason(new byte[0], Reason.EMPTY);
        assertThatThrownBy(() -> ImageDecoder.decodeGray(null)).isInstanceOf(ImageFormatException.class);
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void truncationAtManyLengthsDecodesOrFailsCleanly(ImageFormat format) {
        byte[] full = sample(format);
        int[] lengths = {1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 33, 50, 64, 100, 200, full.length / 4, full.length / 2,
                full.length * 3 / 4, full.length - 16, full.length - 2, full.length - 1};
        for (int length : lengths) {
            if (length > 0 && length < full.length) {
                assertDecodesOrRefuses(Arrays.copyOf(full, length), format + " cut at " + length);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void corruptBodyBytesDecodeOrFailCleanly(ImageFormat format) {
        byte[] full = sample(format);
        Random random = new Random(SEED + format.ordinal());
        for (int c = 0; c < 40; c++) {
            byte[] damaged = full.clone();
            int from = 64 + random.nextInt(Math.max(1, full.length - 128));
            int count = 1 + random.nextInt(64);
            for (int i = from; i < Math.min(full.length, from + count); i++) {
                damaged[i] = (byte) random.nextInt(256);
            }
            assertDecodesOrRefuses(damaged, "seed " + (SEED + format.ordinal()) + ", " + format + ", case " + c);
        }
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void theMagicFollowedByNonImageBytesIsRefused(ImageFormat format) {
        byte[] full = sample(format);
        Random random = new Random(SEED);
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        int magic = format == ImageFormat.PNG ? 8 : format == ImageFormat.TIFF ? 4 : format == ImageFormat.JPEG ? 3 : 2;
        System.arraycopy(full, 0, garbage, 0, magic);
        assertThatThrownBy(() -> ImageDecoder.decodeGray(garbage))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.TOO_LARGE));
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "BMP", "TIFF", "WSQ"}) // PNG: ImageDecoderTest
    void aHeaderClaiming30000By30000IsRefusedBeforeDecoding(ImageFormat format) {
        byte[] huge = withDeclaredSize(sample(format), format, 30000, 30000);
        assertThat(ImageHeader.read(huge)).isEqualTo(new ImageHeader(format, 30000, 30000));
        assertReason(huge, Reason.TOO_LARGE);
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void decodesOneByOneImages(ImageFormat format) {
        GrayImage image = ImageDecoder.decodeGray(encode(format, new byte[] {(byte) 77}, 1, 1));
        assertThat(image.width()).isEqualTo(1);
        assertThat(image.height()).isEqualTo(1);
        // Lossless formats keep the value; JPEG and WSQ round it by a level or two.
        assertThat(image.get(0, 0)).isBetween(75, 79);
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void decodesAllWhiteImages(ImageFormat format) {
        byte[] white = new byte[64 * 48];
        Arrays.fill(white, (byte) 255);
        GrayImage image = ImageDecoder.decodeGray(encode(format, white, 64, 48));
        for (byte b : image.pixels()) {
            assertThat(b & 0xFF).isGreaterThanOrEqualTo(254);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, -500, 199.9, 2000.5, 100_000, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY})
    void fingerprintImagesRefuseResolutionsOutsideTheAcceptedRange(double dpi) {
        byte[] png = sample(ImageFormat.PNG);
        assertThatThrownBy(() -> FingerprintImage.decode(png, dpi))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PARAMETER));
        assertThatThrownBy(() -> FingerprintImage.fromGray(WIDTH, HEIGHT, pattern(WIDTH, HEIGHT), dpi))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PARAMETER));
        // The resolution is checked first: garbage bytes with a bad resolution report the resolution.
        assertThatThrownBy(() -> FingerprintImage.decode(new byte[] {1, 2, 3}, dpi))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PARAMETER));
    }

    @Test
    void fingerprintImagesAcceptTheEndsOfTheResolutionRange() {
        byte[] png = sample(ImageFormat.PNG);
        assertThat(FingerprintImage.decode(png, FingerprintImage.MIN_DPI).dpi()).isEqualTo(200);
        assertThat(FingerprintImage.decode(png, FingerprintImage.MAX_DPI).dpi()).isEqualTo(2000);
    }

    /** Rewrites the dimensions in a format's header, leaving the pixel data as it was. */
    private static byte[] withDeclaredSize(byte[] data, ImageFormat format, int width, int height) {
        byte[] d = data.clone();
        switch (format) {
            case JPEG -> {
                int sof = findJpegFrame(d);
                putBe16(d, sof + 5, height);
                putBe16(d, sof + 7, width);
            }
            case BMP -> {
                ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(18, width);
                b.putInt(22, height);
            }
            case TIFF -> {
                ByteBuffer b = ByteBuffer.wrap(d).order(d[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                int ifd = b.getInt(4);
                int entries = b.getShort(ifd) & 0xFFFF;
                for (int i = 0; i < entries; i++) {
                    int e = ifd + 2 + 12 * i;
                    int tag = b.getShort(e) & 0xFFFF;
                    if (tag == 256 || tag == 257) {
                        int value = tag == 256 ? width : height;
                        if ((b.getShort(e + 2) & 0xFFFF) == 3) {
                            b.putShort(e + 8, (short) value);
                        } else {
                            b.putInt(e + 8, value);
                        }
                    }
                }
            }
            case WSQ -> {
                int sof = indexOf(d, (byte) 0xFF, (byte) 0xA2);
                putBe16(d, sof + 6, height);
                putBe16(d, sof + 8, width);
            }
            case PNG -> {
                ByteBuffer b = ByteBuffer.wrap(d);
                b.putInt(16, width);
                b.putInt(20, height);
            }
        }
        return d;
    }

    private static int findJpegFrame(byte[] d) {
        for (int i = 2; i + 1 < d.length; i++) {
            int m = d[i + 1] & 0xFF;
            if ((d[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC3) {
                return i;
            }
        }
        throw new AssertionError("no JPEG frame header");
    }

    private static int indexOf(byte[] d, byte a, byte b) {
        for (int i = 0; i + 1 < d.length; i++) {
            if (d[i] == a && d[i + 1] == b) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    private static void putBe16(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 8);
        d[at + 1] = (byte) v;
    }
}
