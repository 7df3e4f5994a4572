package org.borderid.server.service;

import java.util.Objects;

/**
 * A 1:1 verification: live captures against a claimed subject or a reference document.
 *
 * @param subjectId the claimed subject id, or {@code null} when {@code reference} is given
 * @param reference reference captures (passport photo, chip fingers), or {@code null} when a subject is claimed
 * @param probe     the live captures
 * @param targetFmr the target false match rate
 */
public record VerifyCommand(String subjectId, Captures reference, Captures probe, double targetFmr) {
    public VerifyCommand {
        Objects.requireNonNull(probe, "probe");
        if ((subjectId == null) == (reference == null)) {
            throw new IllegalArgumentException("either a claimed subject or a reference, not both or neither");
        }
        if (!DecisionPolicy.validTarget(targetFmr)) {
            throw new IllegalArgumentException("target FMR out of range: " + targetFmr);
        }
    }
}
