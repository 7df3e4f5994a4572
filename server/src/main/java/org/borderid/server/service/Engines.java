package org.borderid.server.service;

import java.util.Optional;

/**
 * The engines and the gallery as they become available: the server starts serving before the face models are
 * loaded and the gallery has recovered, and answers 503 for what is not there yet.
 */
public final class Engines {
    private final FingerReader fingers;
    private final ScoreScale fingerScale;
    private volatile FaceReader faces;
    private volatile SubjectStore store;

    public Engines(FingerReader fingers, ScoreScale fingerScale) {
        this.fingers = fingers;
        this.fingerScale = fingerScale;
    }

    public FingerReader fingers() {
        return fingers;
    }

    public ScoreScale fingerScale() {
        return fingerScale;
    }

    /** The face engine, once loaded. */
    public Optional<FaceReader> faces() {
        return Optional.ofNullable(faces);
    }

    public void faces(FaceReader reader) {
        this.faces = reader;
    }

    /** The gallery, once open. */
    public Optional<SubjectStore> store() {
        return Optional.ofNullable(store);
    }

    public void store(SubjectStore s) {
        this.store = s;
    }

    /** The gallery, or 503. */
    public SubjectStore requireStore() {
        SubjectStore s = store;
        if (s == null) {
            throw new ServiceUnavailableException(ServiceUnavailableException.Reason.COMPONENT_UNAVAILABLE,
                    "The gallery is not available (starting or failed); see GET /ready.");
        }
        return s;
    }

    /** A reader of captures over the engines available now. */
    public ProbeReader probeReader() {
        return new ProbeReader(faces(), fingers);
    }
}
