package org.borderid.server.service;

import java.util.List;

/**
 * The usable features of a request's captures, and why the others could not be used.
 *
 * @param face    the face, or {@code null} (none sent, or unusable)
 * @param fingers the usable fingers
 * @param issues  unusable captures (feedback for the kiosk)
 * @param faceSent whether a face was sent at all
 */
public record ProbeFeatures(FaceFeature face, List<FingerFeature> fingers, List<CaptureIssue> issues,
        boolean faceSent) {
    public ProbeFeatures {
        fingers = List.copyOf(fingers);
        issues = List.copyOf(issues);
    }

    /** Whether anything can be compared. */
    public boolean usable() {
        return face != null || !fingers.isEmpty();
    }
}
