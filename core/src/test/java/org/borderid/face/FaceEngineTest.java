package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderid.OperatingPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class FaceEngineTest {
    private static FaceEngine engine;

    @BeforeAll
    static void open() {
        engine = FaceEngine.open(FaceTestData.config());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static FaceCapture.Face face(byte[] image, String what) {
        FaceCapture capture = engine.capture(image);
        assertThat(capture).as(what).isInstanceOf(FaceCapture.Face.class);
        return (FaceCapture.Face) capture;
    }

    private static FaceCapture.Face face(String person, int number) {
        return face(FaceTestData.lfw(person, number), person + " " + number);
    }

    @Test
    void capturesAnLfwFaceWithAUnitEmbeddingAndPlausibleLandmarks() {
        FaceCapture.Face face = face("George_W_Bush", 1);
        assertThat(face.embedding().dimension()).isEqualTo(128);
        assertThat(face.embedding().model()).isEqualTo("mobilefacenet");
        double norm = 0;
        for (float v : face.embedding().vector()) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, offset(1e-4));
        // LFW deep-funneled images are centred on the face: eyes left and right of the centre, above the mouth.
        FaceLandmarks lm = face.landmarks();
        assertThat(lm.rightEye().x()).isBetween(80.0, 125.0);
        assertThat(lm.leftEye().x()).isBetween(125.0, 170.0);
        assertThat(lm.rightMouthCorner().y()).isGreaterThan(lm.rightEye().y() + 20);
        assertThat(face.box().confidence()).isGreaterThan(0.8);
        assertThat(face.quality().interEyeDistance()).isBetween(30.0, 60.0);
        assertThat(Math.abs(face.quality().roll())).isLessThan(15.0);
        assertThat(face.quality().inFrame()).isTrue();
    }

    @Test
    void matchesTheSameTravellerAndRejectsOthersAtTheCalibratedOperatingPoints() {
        FaceMatcher powell = engine.matcher(face("Colin_Powell", 1).embedding());
        FaceScore same = powell.match(face("Colin_Powell", 2).embedding());
        FaceScore other = powell.match(face("Tony_Blair", 1).embedding());
        FaceScore another = powell.match(face("Laura_Bush", 1).embedding());
        assertThat(same.meets(OperatingPoint.FMR_1E3)).as("genuine %.3f", same.similarity()).isTrue();
        assertThat(other.meets(OperatingPoint.FMR_1E2)).as("impostor %.3f", other.similarity()).isFalse();
        assertThat(another.meets(OperatingPoint.FMR_1E2)).as("impostor %.3f", another.similarity()).isFalse();
    }

    @Test
    void theSamePhotoInAnyFormatGivesNearlyTheSameEmbedding() {
        FaceEmbedding reference = face("Tony_Blair", 3).embedding();
        Mat bgr = FaceTestData.lfwMat("Tony_Blair", 3);
        Mat gray = new Mat();
        Mat bgra = new Mat();
        try {
            Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
            Imgproc.cvtColor(bgr, bgra, Imgproc.COLOR_BGR2BGRA);
            Mat alpha = bgra.submat(new Rect(0, 0, 250, 40)); // a partly transparent band across the top
            alpha.setTo(new Scalar(0, 0, 0, 0));
            alpha.release();
            List<byte[]> variants = List.of(FaceTestData.encode(bgr, ".png"), FaceTestData.encode(bgr, ".bmp"),
                    FaceTestData.encode(bgra, ".png"), FaceTestData.encode(gray, ".jpg", Imgcodecs.IMWRITE_JPEG_QUALITY,
                            90), FaceTestData.encode(gray, ".png"));
            for (int i = 0; i < variants.size(); i++) {
                double cos = reference.cosine(face(variants.get(i), "variant " + i).embedding());
                assertThat(cos).as("variant %d", i).isGreaterThan(0.85);
            }
        } finally {
            bgr.release();
            gray.release();
            bgra.release();
        }
    }

    @Test
    void keepsTheLargestMostCentralFaceAndCountsTheOthers() {
        Mat subject = FaceTestData.lfwMat("Gerhard_Schroeder", 1);
        Mat bystander = FaceTestData.lfwMat("Serena_Williams", 1);
        Mat small = new Mat();
        Mat canvas = new Mat(500, 800, CvType.CV_8UC3, new Scalar(90, 110, 100));
        try {
            Imgproc.resize(bystander, small, new Size(150, 150), 0, 0, Imgproc.INTER_AREA);
            Mat centre = canvas.submat(new Rect(275, 125, 250, 250));
            subject.copyTo(centre);
            centre.release();
            Mat corner = canvas.submat(new Rect(20, 20, 150, 150));
            small.copyTo(corner);
            corner.release();
            FaceCapture.Face group = face(FaceTestData.encode(canvas, ".png"), "group photo");
            assertThat(group.facesSeen()).isGreaterThanOrEqualTo(2);
            assertThat(group.box().centerX()).isBetween(350.0, 450.0);
            double toSubject = group.embedding().cosine(face("Gerhard_Schroeder", 1).embedding());
            double toBystander = group.embedding().cosine(face("Serena_Williams", 1).embedding());
            assertThat(toSubject).isGreaterThan(0.8).isGreaterThan(toBystander + 0.4);
        } finally {
            subject.release();
            bystander.release();
            small.release();
            canvas.release();
        }
    }

    @Test
    void concurrentCapturesGiveTheSameEmbeddingsAsSequentialOnes() throws Exception {
        String[][] images = {{"Colin_Powell", "3"}, {"Tony_Blair", "2"}, {"Laura_Bush", "2"}, {"Hugo_Chavez", "1"},
            {"Serena_Williams", "2"}, {"Jacques_Chirac", "1"}};
        List<FaceEmbedding> sequential = new ArrayList<>();
        for (String[] im : images) {
            sequential.add(face(im[0], Integer.parseInt(im[1])).embedding());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4); // more threads than the engine's 2 workers
        try {
            List<Future<FaceEmbedding>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String[] im : images) {
                    results.add(threads.submit(() -> face(im[0], Integer.parseInt(im[1])).embedding()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                FaceEmbedding e = results.get(i).get();
                assertThat(e.cosine(sequential.get(i % images.length))).as("image %d", i % images.length)
                        .isGreaterThan(0.9999);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theQualityGateTurnsASmallFaceIntoGuidanceAndLetsACloseOnePass() {
        FaceEngineConfig gated = FaceTestData.config().withQuality(FaceQualityPolicy.KIOSK, true).withMaxConcurrency(1);
        Mat photo = FaceTestData.lfwMat("Hugo_Chavez", 1);
        Mat closer = new Mat();
        try (FaceEngine kiosk = FaceEngine.open(gated)) {
            // LFW faces have ~45 px between the eyes, below the 60 px the kiosk policy asks for
            FaceCapture far = kiosk.capture(FaceTestData.lfw("Hugo_Chavez", 1));
            assertThat(far).isInstanceOf(FaceCapture.LowQuality.class);
            assertThat(((FaceCapture.LowQuality) far).issues()).contains(QualityIssue.FACE_TOO_SMALL);
            Imgproc.resize(photo, closer, new Size(0, 0), 2, 2, Imgproc.INTER_CUBIC);
            FaceCapture near = kiosk.capture(FaceTestData.encode(closer, ".png"));
            List<QualityIssue> issues = near instanceof FaceCapture.LowQuality low ? low.issues()
                    : ((FaceCapture.Face) near).issues();
            assertThat(issues).doesNotContain(QualityIssue.FACE_TOO_SMALL);
        } finally {
            photo.release();
            closer.release();
        }
    }

    @Test
    void theDefaultEngineAveragesTheFlipAndStaysCloseToThePlainEmbedding() {
        assertThat(engine.config().flipAveraging()).isTrue();
        try (FaceEngine plain = FaceEngine.open(FaceTestData.config().withFlipAveraging(false).withMaxConcurrency(1))) {
            FaceEmbedding flipped = face("Laura_Bush", 3).embedding();
            FaceCapture single = plain.capture(FaceTestData.lfw("Laura_Bush", 3));
            double cos = flipped.cosine(((FaceCapture.Face) single).embedding());
            assertThat(cos).isBetween(0.85, 0.99999);
        }
    }

    @Test
    void aMirroredPhotoOfTheSameFaceStillMatchesWithoutFlipAveraging() {
        Mat photo = FaceTestData.lfwMat("Jacques_Chirac", 2);
        Mat mirrored = new Mat();
        try (FaceEngine plain = FaceEngine.open(FaceTestData.config().withFlipAveraging(false).withMaxConcurrency(1))) {
            Core.flip(photo, mirrored, 1);
            FaceCapture original = plain.capture(FaceTestData.lfw("Jacques_Chirac", 2));
            FaceCapture mirror = plain.capture(FaceTestData.encode(mirrored, ".png"));
            assertThat(original).isInstanceOf(FaceCapture.Face.class);
            assertThat(mirror).isInstanceOf(FaceCapture.Face.class);
            double cos = ((FaceCapture.Face) original).embedding().cosine(((FaceCapture.Face) mirror).embedding());
            assertThat(cos).isGreaterThan(engine.model().threshold(OperatingPoint.FMR_1E4)).isLessThan(0.99999);
        } finally {
            photo.release();
            mirrored.release();
        }
    }
}
