package org.borderid.server.service;

import java.util.List;

/**
 * Turns a face image into an embedding, as the server needs it from the face engine. Thread-safe.
 */
public interface FaceReader {
    /** The outcome for one image. */
    sealed interface Result {
        /** An embedding to compare. */
        record Usable(FaceFeature feature) implements Result {}

        /** A face image that cannot be used as it is (no face, poor quality): feedback for the traveller. */
        record Unusable(List<CaptureIssue> issues) implements Result {
            public Unusable {
                issues = List.copyOf(issues);
            }
        }

        /** Not a readable image at all (a client error). */
        record Undecodable(CaptureIssue issue) implements Result {}
    }

    /**
     * Detects, checks and embeds the subject's face.
     *
     * @param field where the image was in the request
     * @param gate  which quality issues make it unusable
     */
    Result read(String field, byte[] image, FaceGate gate);

    /** The embedding model's name. */
    String model();

    /** The embedding's dimension. */
    int dimension();

    /** The calibrated scale of the model's cosine scores. */
    ScoreScale scale();
}
