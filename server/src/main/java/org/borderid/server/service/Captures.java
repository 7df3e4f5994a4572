package org.borderid.server.service;

import java.util.List;
import java.util.Objects;

/**
 * The biometric captures of one request, as received (decoded from base64 or multipart).
 *
 * @param faceField where the face was in the request
 * @param face      encoded face image, or {@code null}
 * @param fingers   finger captures (positions distinct, except {@code UNKNOWN})
 */
public record Captures(String faceField, byte[] face, List<FingerCapture> fingers) {
    /** No captures. */
    public static final Captures NONE = new Captures("face", null, List.of());

    public Captures {
        Objects.requireNonNull(faceField, "faceField");
        fingers = List.copyOf(fingers);
    }

    /** Whether there is nothing to compare. */
    public boolean isEmpty() {
        return face == null && fingers.isEmpty();
    }
}
