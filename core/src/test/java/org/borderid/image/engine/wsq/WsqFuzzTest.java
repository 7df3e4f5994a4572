package org.borderid.image.engine.wsq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageLimits;
import org.borderid.image.engine.WsqDecoder;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Damaged WSQ input: every outcome must be a decoded image of the declared size or an {@link ImageFormatException},
 * never another exception, a hang or an out-of-memory error. Seeded; the seed and case are in every failure message.
 */
class WsqFuzzTest {
    private static final long SEED = 0x5EED_0005L;
    /** A hang would show as minutes; the whole class normally takes a few seconds. */
    private static final Duration BUDGET = Duration.ofSeconds(120);

    private static final ImageLimits LIMITS = new ImageLimits(4096, 4096, 4_000_000L);

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(SharedData.require("data/fingerprints/sourceafis-testres/wsq-original.wsq"));
    }

    private static byte[] synthetic() {
        WsqTestEncoder.Options options = new WsqTestEncoder.Options();
        options.binMantissa = 3;
        options.binExponent = 1;
        options.restartInterval = 50;
        return WsqTestEncoder.encode(WsqDecodingTest.texture(61, 47, SEED), 61, 47, options);
    }

    /** Decodes and checks the outcome; returns true when an image came out. */
    private static boolean decodeSafely(byte[] data, String description) {
        try {
            GrayImage image = WsqDecoder.decode(data, LIMITS);
            assertThat(image.width() * (long) image.height()).as(description).isPositive();
            return true;
        } catch (ImageFormatException expected) {
            assertThat(expected.reason()).as(description).isNotNull();
            return false;
        } catch (RuntimeException | Error unexpected) {
            throw new AssertionError(description + ": " + unexpected, unexpected);
        }
    }

    @Test
    void truncatedFilesFailCleanlyAtEveryLength() throws IOException {
        byte[] synthetic = synthetic();
        byte[] sample = sample();
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int length = 0; length < synthetic.length - 2; length++) {
                assertThat(decodeSafely(Arrays.copyOf(synthetic, length), "synthetic cut at " + length))
                        .as("synthetic cut at %d must not decode", length).isFalse();
            }
            // Every length through the tables, then every 101st byte of the coefficient data.
            for (int length = 0; length < sample.length - 2; length += length < 700 ? 1 : 101) {
                assertThat(decodeSafely(Arrays.copyOf(sample, length), "sample cut at " + length))
                        .as("sample cut at %d must not decode", length).isFalse();
            }
        });
    }

    @Test
    void randomByteFlipsDecodeOrFailCleanly() throws IOException {
        Random random = new Random(SEED);
        byte[][] inputs = {synthetic(), sample()};
        int[] cases = {800, 40};
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int input = 0; input < inputs.length; input++) {
                for (int c = 0; c < cases[input]; c++) {
                    byte[] damaged = inputs[input].clone();
                    int flips = 1 + random.nextInt(4);
                    for (int f = 0; f < flips; f++) {
                        // Half the flips hit the first 700 bytes (tables and headers), half anywhere.
                        int at = random.nextBoolean() ? random.nextInt(Math.min(700, damaged.length))
                                : random.nextInt(damaged.length);
                        damaged[at] = (byte) random.nextInt(256);
                    }
                    decodeSafely(damaged, "seed " + SEED + ", input " + input + ", flip case " + c);
                }
            }
        });
    }

    @Test
    void garbageAfterTheStartOfImageOrAfterTheHeadersFailsCleanly() {
        Random random = new Random(SEED + 1);
        byte[] synthetic = synthetic();
        int firstBlock = WsqDecodingTest.indexOfMarker(synthetic, 0xA3) + 5; // after SOB and its 3-byte segment
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int c = 0; c < 400; c++) {
                byte[] garbage = new byte[random.nextInt(4000)];
                random.nextBytes(garbage);
                byte[] afterSoi = new byte[2 + garbage.length];
                afterSoi[0] = (byte) 0xFF;
                afterSoi[1] = (byte) 0xA0;
                System.arraycopy(garbage, 0, afterSoi, 2, garbage.length);
                decodeSafely(afterSoi, "seed " + (SEED + 1) + ", garbage after SOI, case " + c);

                byte[] afterHeaders = Arrays.copyOf(synthetic, firstBlock + garbage.length + 2);
                System.arraycopy(garbage, 0, afterHeaders, firstBlock, garbage.length);
                afterHeaders[afterHeaders.length - 2] = (byte) 0xFF;
                afterHeaders[afterHeaders.length - 1] = (byte) 0xA1;
                decodeSafely(afterHeaders, "seed " + (SEED + 1) + ", garbage coefficient data, case " + c);
            }
        });
    }
}
