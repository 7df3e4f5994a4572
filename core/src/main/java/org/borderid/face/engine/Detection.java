package org.borderid.face.engine;

import java.util.Objects;
import org.borderid.face.FaceBox;
import org.borderid.face.FaceLandmarks;

/**
 * Engine-internal: one face found by the detector, in input-image pixel coordinates.
 *
 * @param box       the face box with the detector's confidence
 * @param landmarks the five landmarks
 */
public record Detection(FaceBox box, FaceLandmarks landmarks) {
    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(landmarks, "landmarks");
    }
}
