package org.borderid.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    private static byte[] read(String relative) throws IOException {
        return Files.readAllBytes(SharedData.require(relative));
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe.png", "probe.bmp", "probe.jpeg"})
    void decodesColourAndGrayFormatsToTheSameRaster(String name) throws IOException {
        GrayImage image = ImageDecoder.decodeGray(read("data/fingerprints/sourceafis-testres/" + name));
        assertThat(image.width()).isEqualTo(388);
        assertThat(image.height()).isEqualTo(374);
        GrayImage png = ImageDecoder.decodeGray(read("data/fingerprints/sourceafis-testres/probe.png"));
        // JPEG is lossy: compare the mean absolute difference, not the bytes.
        byte[] a = image.pixels();
        byte[] b = png.pixels();
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        assertThat(diff / a.length).isLessThan(4.0);
    }

    @Test
    void decodesEightBitGrayTiffFromFvc() throws IOException {
        GrayImage image = ImageDecoder.decodeGray(read("data/fingerprints/fvc2002/DB1_B/101_1.tif"));
        assertThat(image.width()).isEqualTo(388);
        assertThat(image.height()).isEqualTo(374);
    }

    @Test
    void refusesEmptyAndNonImageBytes() {
        assertThatThrownBy(() -> ImageDecoder.decodeGray(new byte[0]))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageFormatException.Reason.EMPTY));
        assertThatThrownBy(() -> ImageDecoder.decodeGray("hello, this is not an image".getBytes()))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageFormatException.Reason.UNSUPPORTED_FORMAT));
    }

    @Test
    void refusesTruncatedImages() throws IOException {
        for (String name : new String[] {"probe.png", "probe.jpeg", "probe.bmp"}) {
            byte[] full = read("data/fingerprints/sourceafis-testres/" + name);
            for (int length : new int[] {10, 30, full.length / 3}) {
                byte[] cut = Arrays.copyOf(full, length);
                try {
                    GrayImage partial = ImageDecoder.decodeGray(cut);
                    // libjpeg may deliver a partially decoded JPEG; it must still have the declared size
                    assertThat(partial.width()).isEqualTo(388);
                } catch (ImageFormatException e) {
                    assertThat(e.reason()).isIn(ImageFormatException.Reason.CORRUPT,
                            ImageFormatException.Reason.UNSUPPORTED_FORMAT);
                }
            }
        }
        byte[] tiff = read("data/fingerprints/fvc2002/DB1_B/101_1.tif");
        assertThatThrownBy(() -> ImageDecoder.decodeGray(Arrays.copyOf(tiff, 20))).isInstanceOf(ImageFormatException.class);
    }

    @Test
    void refusesAHugeDeclaredSizeBeforeDecoding() throws IOException {
        byte[] png = read("data/fingerprints/sourceafis-testres/probe.png").clone();
        // Rewrite IHDR to 30000 x 30000 (CRC now wrong too: the header check must come first).
        writeBe32(png, 16, 30000);
        writeBe32(png, 20, 30000);
        assertThatThrownBy(() -> ImageDecoder.decodeGray(png))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageFormatException.Reason.TOO_LARGE));
        assertThat(ImageHeader.read(png)).isEqualTo(new ImageHeader(ImageFormat.PNG, 30000, 30000));
    }

    private static void writeBe32(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 24);
        d[at + 1] = (byte) (v >>> 16);
        d[at + 2] = (byte) (v >>> 8);
        d[at + 3] = (byte) v;
    }

    @Test
    void readsHeadersOfEveryFormatInTheSharedData() throws IOException {
        Path dir = SharedData.require("data/fingerprints/sourceafis-testres");
        assertThat(ImageHeader.read(Files.readAllBytes(dir.resolve("probe.bmp"))))
                .isEqualTo(new ImageHeader(ImageFormat.BMP, 388, 374));
        assertThat(ImageHeader.read(Files.readAllBytes(dir.resolve("probe.jpeg"))))
                .isEqualTo(new ImageHeader(ImageFormat.JPEG, 388, 374));
        assertThat(ImageHeader.read(Files.readAllBytes(dir.resolve("wsq-original.wsq"))))
                .isEqualTo(new ImageHeader(ImageFormat.WSQ, 832, 768));
    }
}
