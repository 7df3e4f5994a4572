package org.borderid.server.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.borderid.finger.FingerPosition;

/**
 * One modality's part in a decision.
 *
 * @param modality {@code face} or {@code finger}
 * @param position the finger, for fingers
 * @param status   {@code COMPARED}, or {@code NOT_ENROLLED} when the reference has no such modality or finger
 * @param score    the engine's raw score (cosine similarity for faces, 0..1 MCC similarity for fingers)
 * @param evidence the score's estimated −log10(FMR) ({@link ScoreScale})
 * @param quality  capture quality 0..100, for fingers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModalityScore(String modality, FingerPosition position, String status, Double score, Double evidence,
        Integer quality) {
    /** The capture was compared. */
    public static final String COMPARED = "COMPARED";
    /** The reference lacks this modality or finger. */
    public static final String NOT_ENROLLED = "NOT_ENROLLED";

    public ModalityScore {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(status, "status");
    }

    /** Whether the capture was compared. */
    public boolean compared() {
        return COMPARED.equals(status);
    }
}
