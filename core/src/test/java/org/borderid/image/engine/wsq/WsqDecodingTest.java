package org.borderid.image.engine.wsq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageDecoder;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageFormatException.Reason;
import org.borderid.image.ImageLimits;
import org.borderid.image.engine.WsqDecoder;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

class WsqDecodingTest {
    private static final String DIR = "data/fingerprints/sourceafis-testres/";

    private static byte[] read(String name) throws IOException {
        return Files.readAllBytes(SharedData.require(DIR + name));
    }

    @Test
    void decodesTheSampleFingerprintPixelForPixelLikeTheReferenceConversion() throws IOException {
        GrayImage decoded = ImageDecoder.decodeGray(read("wsq-original.wsq"));
        GrayImage reference = ImageDecoder.decodeGray(read("wsq-converted.png"));

        assertThat(decoded.width()).isEqualTo(832);
        assertThat(decoded.height()).isEqualTo(768);
        int differing = 0;
        int maxDifference = 0;
        for (int y = 0; y < 768; y++) {
            for (int x = 0; x < 832; x++) {
                int d = Math.abs(decoded.get(x, y) - reference.get(x, y));
                differing += d == 0 ? 0 : 1;
                maxDifference = Math.max(maxDifference, d);
            }
        }
        // Same arithmetic in the same order as the NIST reference decoder: not one gray level differs.
        assertThat(maxDifference).isZero();
        assertThat(differing).isZero();
    }

    /**
     * A random sum of a horizontal and a vertical wave (up to ~0.35 cycles per pixel). WSQ always discards the finest
     * diagonal subband; such an image has no diagonal detail, so what is left to lose is quantization and rounding.
     */
    static byte[] texture(int width, int height, long seed) {
        Random random = new Random(seed);
        double fx = 0.1 + 2 * random.nextDouble();
        double fy = 0.1 + 2 * random.nextDouble();
        double px = 2 * Math.PI * random.nextDouble();
        double py = 2 * Math.PI * random.nextDouble();
        byte[] gray = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 128 + 60 * Math.sin(fx * x + px) + 60 * Math.sin(fy * y + py);
                gray[y * width + x] = (byte) Math.round(v);
            }
        }
        return gray;
    }

    private static int maxError(byte[] original, GrayImage decoded) {
        byte[] pixels = decoded.pixels();
        int max = 0;
        for (int i = 0; i < original.length; i++) {
            max = Math.max(max, Math.abs((original[i] & 0xFF) - (pixels[i] & 0xFF)));
        }
        return max;
    }

    @Test
    void reconstructsNearLosslessImagesOfEverySmallAndOddSize() {
        long seed = 20240611L;
        int[] sizes = {1, 2, 3, 4, 5, 6, 7, 9, 13, 32, 33, 65, 100};
        for (int width : sizes) {
            for (int height : sizes) {
                byte[] gray = texture(width, height, seed + width * 1000L + height);
                GrayImage decoded = WsqDecoder.decode(WsqTestEncoder.encode(gray, width, height), ImageLimits.DEFAULT);
                assertThat(decoded.width()).isEqualTo(width);
                assertThat(decoded.height()).isEqualTo(height);
                // Bin width 0.1, no diagonal detail: perfect reconstruction shows as at most 1 level of rounding.
                assertThat(maxError(gray, decoded)).as("%dx%d, seed %d", width, height, seed).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void decodesRestartMarkersUncodedSubbandsTablesAfterTheFrameAndOneBlock() {
        int width = 211;
        int height = 157;
        byte[] gray = texture(width, height, 7);
        WsqTestEncoder.Options options = new WsqTestEncoder.Options();
        options.binMantissa = 5;
        options.binExponent = 1; // Q = 0.5: long zero runs, escapes
        options.uncoded = new int[] {57, 58, 59};
        options.restartInterval = 37;
        options.tablesAfterFrame = true;
        GrayImage restarted = WsqDecoder.decode(WsqTestEncoder.encode(gray, width, height, options),
                ImageLimits.DEFAULT);
        options.restartInterval = 0;
        options.threeBlocks = false;
        options.tableBetweenBlocks = false;
        GrayImage plain = WsqDecoder.decode(WsqTestEncoder.encode(gray, width, height, options), ImageLimits.DEFAULT);

        assertThat(restarted).isEqualTo(plain);
        // Q = 0.5 and three detail subbands dropped: measured 3 gray levels at most (deterministic).
        assertThat(maxError(gray, plain)).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesADeclaredSizeBeyondTheLimitsBeforeDecoding() throws IOException {
        byte[] wsq = read("wsq-original.wsq").clone();
        int sof = indexOfMarker(wsq, 0xA2);
        write16(wsq, sof + 6, 30000); // height
        write16(wsq, sof + 8, 30000); // width
        assertReason(() -> ImageDecoder.decodeGray(wsq), Reason.TOO_LARGE);

        byte[] original = read("wsq-original.wsq");
        assertReason(() -> WsqDecoder.decode(original, new ImageLimits(800, 800, 1_000_000)), Reason.TOO_LARGE);
    }

    @Test
    void refusesStructuralCorruptionWithTypedReasons() {
        byte[] valid = WsqTestEncoder.encode(texture(40, 30, 3), 40, 30);

        byte[] noSoi = valid.clone();
        noSoi[1] = (byte) 0xA1;
        assertReason(() -> WsqDecoder.decode(noSoi, ImageLimits.DEFAULT), Reason.UNSUPPORTED_FORMAT);

        byte[] evenFilter = valid.clone();
        evenFilter[indexOfMarker(valid, 0xA4) + 4] = 8;
        assertReason(() -> WsqDecoder.decode(evenFilter, ImageLimits.DEFAULT), Reason.UNSUPPORTED_FORMAT);

        byte[] badHuffman = valid.clone();
        int dht = indexOfMarker(valid, 0xA6);
        badHuffman[dht + 5] = 3; // three codes of length 1 cannot exist
        assertReason(() -> WsqDecoder.decode(badHuffman, ImageLimits.DEFAULT), Reason.CORRUPT);

        byte[] undefinedTable = valid.clone();
        undefinedTable[indexOfMarker(valid, 0xA3) + 4] = 5;
        assertReason(() -> WsqDecoder.decode(undefinedTable, ImageLimits.DEFAULT), Reason.CORRUPT);

        byte[] sofLength = valid.clone();
        sofLength[indexOfMarker(valid, 0xA2) + 3] = 16;
        assertReason(() -> WsqDecoder.decode(sofLength, ImageLimits.DEFAULT), Reason.CORRUPT);

        byte[] smallerFrame = valid.clone();
        write16(smallerFrame, indexOfMarker(valid, 0xA2) + 8, 39); // one column less: data now has surplus
        assertReason(() -> WsqDecoder.decode(smallerFrame, ImageLimits.DEFAULT), Reason.CORRUPT);

        byte[] largerFrame = valid.clone();
        write16(largerFrame, indexOfMarker(valid, 0xA2) + 8, 41); // one column more: data runs short
        assertReason(() -> WsqDecoder.decode(largerFrame, ImageLimits.DEFAULT), Reason.CORRUPT);

        byte[] noEnd = java.util.Arrays.copyOf(valid, valid.length - 2);
        assertReason(() -> WsqDecoder.decode(noEnd, ImageLimits.DEFAULT), Reason.CORRUPT);
    }

    @Test
    void refusesTransformOrQuantizationTablesRedefinedAfterTheDataBegan() {
        byte[] valid = WsqTestEncoder.encode(texture(40, 30, 5), 40, 30);
        int dqt = indexOfMarker(valid, 0xA5);
        byte[] table = java.util.Arrays.copyOfRange(valid, dqt, dqt + 2 + 389);
        int eoi = valid.length - 2;
        int secondBlock = indexOfMarker(valid, 0xA6, indexOfMarker(valid, 0xA3)); // table 1, before block 2
        byte[] late = new byte[valid.length + table.length];
        System.arraycopy(valid, 0, late, 0, secondBlock);
        System.arraycopy(table, 0, late, secondBlock, table.length);
        System.arraycopy(valid, secondBlock, late, secondBlock + table.length, valid.length - secondBlock);
        assertThat(eoi).isPositive();
        assertReason(() -> WsqDecoder.decode(late, ImageLimits.DEFAULT), Reason.CORRUPT);
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    static int indexOfMarker(byte[] data, int code) {
        return indexOfMarker(data, code, 0);
    }

    /** First segment marker 0xFF code at or after {@code from}, walking segment by segment (not inside data). */
    static int indexOfMarker(byte[] data, int code, int from) {
        for (int i = Math.max(from, 0); i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == code) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + Integer.toHexString(code));
    }

    static void write16(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 8);
        d[at + 1] = (byte) v;
    }
}
