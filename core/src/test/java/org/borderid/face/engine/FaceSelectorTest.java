package org.borderid.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.borderid.face.FaceBox;
import org.borderid.face.FaceLandmarks;
import org.borderid.face.FaceLandmarks.Point;
import org.junit.jupiter.api.Test;

class FaceSelectorTest {
    private static Detection face(double cx, double cy, double size) {
        FaceBox box = new FaceBox(cx - size / 2, cy - size / 2, size, size, 0.9);
        Point p = new Point(cx, cy);
        FaceLandmarks lm = new FaceLandmarks(new Point(cx - size / 5, cy), new Point(cx + size / 5, cy), p, p, p);
        return new Detection(box, lm);
    }

    @Test
    void choosesTheLargestFaceWhenAllAreEquallyCentral() {
        List<Detection> faces = List.of(face(500, 400, 80), face(500, 400, 200), face(500, 400, 120));
        assertThat(FaceSelector.select(faces, 1000, 800)).isEqualTo(1);
    }

    @Test
    void prefersTheCentralTravellerToASomewhatLargerBystanderAtTheEdge() {
        // traveller in the middle, a person passing close to the camera in the corner, 1.4x the box side
        List<Detection> faces = List.of(face(900, 100, 140), face(500, 400, 100));
        assertThat(FaceSelector.select(faces, 1000, 800)).isEqualTo(1);
    }

    @Test
    void takesAMuchLargerOffCentreFaceOverATinyCentralOne() {
        // a face in the background behind a traveller standing off-centre: size dominates
        List<Detection> faces = List.of(face(500, 400, 30), face(300, 300, 300));
        assertThat(FaceSelector.select(faces, 1000, 800)).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> FaceSelector.select(List.of(), 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
