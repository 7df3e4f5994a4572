package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.borderid.OperatingPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private static FaceCapture.Face face(String person, int number) {
        FaceCapture capture = engine.capture(FaceTestData.lfw(person, number));
        assertThat(capture).as(person + " " + number).isInstanceOf(FaceCapture.Face.class);
        return (FaceCapture.Face) capture;
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
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        // LFW deep-funneled images are centred on the face: eyes left and right of the centre, above the mouth.
        FaceLandmarks lm = face.landmarks();
        assertThat(lm.rightEye().x()).isBetween(80.0, 125.0);
        assertThat(lm.leftEye().x()).isBetween(125.0, 170.0);
        assertThat(lm.rightMouthCorner().y()).isGreaterThan(lm.rightEye().y() + 20);
        assertThat(face.quality().interEyeDistance()).isBetween(30.0, 60.0);
        assertThat(Math.abs(face.quality().roll())).isLessThan(15.0);
    }

    @Test
    void sameTravellerScoresHigherThanOtherTravellers() {
        FaceCapture.Face a = face("Colin_Powell", 1);
        FaceCapture.Face b = face("Colin_Powell", 2);
        FaceCapture.Face other = face("Tony_Blair", 1);
        FaceMatcher matcher = engine.matcher(a.embedding());
        double genuine = matcher.match(b.embedding()).similarity();
        double impostor = matcher.match(other.embedding()).similarity();
        System.out.println("genuine " + genuine + " impostor " + impostor);
        assertThat(genuine).isGreaterThan(impostor + 0.2);
    }
}
