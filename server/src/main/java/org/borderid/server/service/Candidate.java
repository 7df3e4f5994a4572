package org.borderid.server.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ranked candidate of a 1:N search.
 *
 * @param rank          1 = best
 * @param subjectId     the subject
 * @param lists         its lists
 * @param agency        its agency (administrators only; {@code null} in kiosk responses)
 * @param referenceData its reference data (administrators only; {@code null} in kiosk responses)
 * @param fusedScore    fused evidence, −log10 of the estimated false match rate against this one subject
 * @param hit           whether it passes the identification threshold with no modality disagreeing
 * @param modalities    per-modality scores
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(int rank, String subjectId, List<String> lists, String agency,
        Map<String, String> referenceData, double fusedScore, boolean hit, List<ModalityScore> modalities) {
    public Candidate {
        Objects.requireNonNull(subjectId, "subjectId");
        lists = List.copyOf(lists);
        modalities = List.copyOf(modalities);
    }

    /** The candidate without what only administrators see. */
    public Candidate forKiosk() {
        return new Candidate(rank, subjectId, lists, null, null, fusedScore, hit, modalities);
    }
}
