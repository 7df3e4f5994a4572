package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageFormatException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Bad images and bad models: typed errors or results, never a crash, hang or runaway allocation. */
class FaceBadInputTest {
    private static FaceEngine engine;

    @BeforeAll
    static void open() {
        engine = FaceEngine.open(FaceTestData.config().withMaxConcurrency(1));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static void assertRefused(byte[] bytes, Reason... reasons) {
        assertThatThrownBy(() -> engine.capture(bytes)).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.reason()).isIn((Object[]) reasons));
    }

    /** Either a typed refusal or a capture result: nothing else may come out. */
    private static void assertRefusedOrCaptured(byte[] bytes, String what) {
        try {
            assertThat(engine.capture(bytes)).as(what).isNotNull();
        } catch (ImageFormatException e) {
            assertThat(e.reason()).as(what).isIn(Reason.CORRUPT, Reason.UNSUPPORTED_FORMAT, Reason.TOO_LARGE,
                    Reason.TOO_SMALL, Reason.EMPTY);
        }
    }

    private static byte[] solid(int width, int height, double gray, String extension) {
        Mat m = new Mat(height, width, CvType.CV_8UC3, new Scalar(gray, gray, gray));
        try {
            return FaceTestData.encode(m, extension);
        } finally {
            m.release();
        }
    }

    @Test
    void refusesEmptyAndNonImageBytes() {
        assertRefused(new byte[0], Reason.EMPTY);
        assertRefused("GIF89a, not one of ours".getBytes(), Reason.UNSUPPORTED_FORMAT);
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Reason.CORRUPT);
    }

    @Test
    void truncatedJpegsAndPngsAreRefusedOrDecodedAsFarAsTheyGo() {
        byte[] jpeg = FaceTestData.lfw("Colin_Powell", 5);
        byte[] png = FaceTestData.encode(FaceTestData.lfwMat("Colin_Powell", 5), ".png");
        for (byte[] full : new byte[][] {jpeg, png}) {
            for (int length : new int[] {4, 20, 100, full.length / 4, full.length / 2, full.length - 10}) {
                assertRefusedOrCaptured(Arrays.copyOf(full, length), "truncated to " + length);
            }
        }
        assertRefused(Arrays.copyOf(png, png.length / 2), Reason.CORRUPT); // PNG does not decode partially
    }

    @Test
    void corruptedJpegBytesNeverCrashTheDecoderOrTheNetworks() {
        byte[] jpeg = FaceTestData.lfw("Laura_Bush", 4);
        long seed = 1_234_567L;
        Random random = new Random(seed);
        for (int mutant = 0; mutant < 40; mutant++) {
            byte[] bad = jpeg.clone();
            int flips = 1 + random.nextInt(50);
            for (int i = 0; i < flips; i++) {
                bad[2 + random.nextInt(bad.length - 2)] = (byte) random.nextInt(256);
            }
            assertRefusedOrCaptured(bad, "seed " + seed + " mutant " + mutant);
        }
    }

    @Test
    void refusesTinyImagesAndHugeDeclaredSizesBeforeDecoding() {
        assertRefused(solid(1, 1, 128, ".png"), Reason.TOO_SMALL);
        assertRefused(solid(31, 400, 128, ".png"), Reason.TOO_SMALL);
        byte[] png = solid(64, 64, 128, ".png");
        // rewrite the IHDR to 10000 x 10000: refused from the header, nothing decoded (CRC is wrong too)
        writeBe32(png, 16, 10_000);
        writeBe32(png, 20, 10_000);
        assertRefused(png, Reason.TOO_LARGE);
    }

    @Test
    void blankAndNoiseImagesHaveNoFace() {
        assertThat(engine.capture(solid(640, 480, 0, ".jpg"))).isInstanceOf(FaceCapture.NoFace.class);
        assertThat(engine.capture(solid(640, 480, 255, ".png"))).isInstanceOf(FaceCapture.NoFace.class);
        FaceCapture.NoFace none = (FaceCapture.NoFace) engine.capture(solid(320, 240, 0, ".bmp"));
        assertThat(none.imageWidth()).isEqualTo(320);
        assertThat(none.facesSeen()).isZero();
        assertThat(none.guidance()).contains("look at the camera");
        Mat noise = new Mat(300, 300, CvType.CV_8UC3);
        try {
            org.opencv.core.Core.setRNGSeed(99);
            org.opencv.core.Core.randu(noise, 0, 256);
            assertThat(engine.capture(FaceTestData.encode(noise, ".png"))).isNotNull();
        } finally {
            noise.release();
        }
    }

    @Test
    void aLargeCameraFrameIsDetectedOnADownscaledCopy() {
        // 6000 x 4000 = 24 MP, inside the default limits; the detector sees at most 640 px
        assertThat(engine.capture(solid(6000, 4000, 30, ".jpg"))).isInstanceOf(FaceCapture.NoFace.class);
    }

    @Test
    void aClosedEngineRefusesCaptures() {
        FaceEngine e = FaceEngine.open(FaceTestData.config().withMaxConcurrency(1));
        e.close();
        assertThatThrownBy(() -> e.capture(solid(64, 64, 0, ".png"))).isInstanceOf(IllegalStateException.class);
    }

    private static void assertModelRefused(FaceEngineConfig config, FaceModelException.Reason reason, String... inMessage) {
        assertThatThrownBy(() -> FaceEngine.open(config).close()).isInstanceOfSatisfying(FaceModelException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(inMessage);
                });
    }

    @Test
    void aMissingModelFileIsAStartUpErrorNamingTheFile(@TempDir Path dir) {
        FaceModelDescriptor embedder = FaceModelDescriptor.MOBILEFACENET.withFile(FaceTestData.embedderModel());
        assertModelRefused(FaceEngineConfig.of(dir.resolve("no-such-yunet.onnx"), embedder),
                FaceModelException.Reason.MISSING, "no-such-yunet.onnx", "face detector");
        assertModelRefused(FaceEngineConfig.of(FaceTestData.detectorModel(),
                embedder.withFile(dir.resolve("no-such-embedder.onnx"))), FaceModelException.Reason.MISSING,
                "no-such-embedder.onnx", "mobilefacenet");
    }

    @Test
    void aDamagedModelFileIsCaughtByItsChecksumBeforeAnyParserSeesIt(@TempDir Path dir) throws IOException {
        Path half = write(dir.resolve("mobilefacenet.onnx"), FaceTestData.embedderModel(), 0.5);
        assertModelRefused(FaceEngineConfig.of(FaceTestData.detectorModel(),
                FaceModelDescriptor.MOBILEFACENET.withFile(half)), FaceModelException.Reason.CHECKSUM_MISMATCH,
                half.toString(), "SHA-256");
        Path yunet = write(dir.resolve("yunet.onnx"), FaceTestData.detectorModel(), 0.9);
        assertModelRefused(FaceEngineConfig.of(yunet, FaceModelDescriptor.MOBILEFACENET.withFile(
                FaceTestData.embedderModel())), FaceModelException.Reason.CHECKSUM_MISMATCH, yunet.toString());
    }

    @Test
    void aCorruptModelWithoutAChecksumIsRefusedByTheLoaderWithoutCrashing(@TempDir Path dir) throws IOException {
        FaceModelDescriptor unchecked = FaceModelDescriptor.MOBILEFACENET.withSha256("");
        for (double fraction : new double[] {0.01, 0.5, 0.99}) {
            Path cut = write(dir.resolve("cut-" + fraction + ".onnx"), FaceTestData.embedderModel(), fraction);
            assertThatThrownBy(() -> FaceEngine.open(FaceEngineConfig.of(FaceTestData.detectorModel(),
                    unchecked.withFile(cut))).close()).isInstanceOfSatisfying(FaceModelException.class, e -> {
                        assertThat(e.reason()).isIn(FaceModelException.Reason.CORRUPT,
                                FaceModelException.Reason.INCOMPATIBLE);
                        assertThat(e.getMessage()).contains(cut.toString());
                    });
        }
        byte[] noise = new byte[100_000];
        new Random(5).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.onnx"), noise);
        assertModelRefused(FaceEngineConfig.of(FaceTestData.detectorModel(), unchecked.withFile(random)),
                FaceModelException.Reason.CORRUPT, random.toString());
        assertModelRefused(FaceEngineConfig.of(random, FaceModelDescriptor.MOBILEFACENET.withFile(
                FaceTestData.embedderModel())).withDetectorSha256(""), FaceModelException.Reason.CORRUPT,
                random.toString());
    }

    @Test
    void aDescriptorThatDoesNotMatchItsModelIsRefusedAtStartUp() {
        FaceModelDescriptor real = FaceModelDescriptor.MOBILEFACENET.withFile(FaceTestData.embedderModel());
        FaceModelDescriptor wide = new FaceModelDescriptor("mobilefacenet", real.file(), 112, 112,
                FaceModelDescriptor.ChannelOrder.RGB, real.mean(), real.scale(), "input", "embedding", 512, real.sha256(),
                java.util.Map.of());
        assertModelRefused(FaceEngineConfig.of(FaceTestData.detectorModel(), wide),
                FaceModelException.Reason.INCOMPATIBLE, "outputs 128 values", "dimension 512");
        FaceModelDescriptor wrongOutput = new FaceModelDescriptor("mobilefacenet", real.file(), 112, 112,
                FaceModelDescriptor.ChannelOrder.RGB, real.mean(), real.scale(), "input", "fc1", 128, real.sha256(),
                java.util.Map.of());
        assertModelRefused(FaceEngineConfig.of(FaceTestData.detectorModel(), wrongOutput),
                FaceModelException.Reason.INCOMPATIBLE, "fc1");
        // the models swapped: the detector as embedder, the embedder as detector
        assertThatThrownBy(() -> FaceEngine.open(FaceEngineConfig.of(FaceTestData.detectorModel(),
                real.withFile(FaceTestData.detectorModel()).withSha256(""))).close())
                .isInstanceOf(FaceModelException.class).hasMessageContaining("face_detection_yunet");
        assertThatThrownBy(() -> FaceEngine.open(FaceEngineConfig.of(FaceTestData.embedderModel(), real)
                .withDetectorSha256("")).close()).isInstanceOf(FaceModelException.class)
                .hasMessageContaining("mobilefacenet.onnx");
    }

    /** Writes the first {@code fraction} of a file's bytes. */
    private static Path write(Path to, Path from, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        return Files.write(to, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    private static void writeBe32(byte[] d, int i, int v) {
        d[i] = (byte) (v >>> 24);
        d[i + 1] = (byte) (v >>> 16);
        d[i + 2] = (byte) (v >>> 8);
        d[i + 3] = (byte) v;
    }
}
