package org.borderid.server.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a verification ({@code POST /v1/verify}).
 *
 * @param decision     MATCH, NO_MATCH or INCONCLUSIVE
 * @param reasons      why (capture feedback for the traveller, decision rules); empty for a clean decision
 * @param subjectId    the claimed subject, when one was claimed
 * @param targetFmr    the operating point used (target false match rate)
 * @param threshold    the fused score required, −log10(targetFmr)
 * @param fusedScore   the fused evidence, −log10 of the estimated fused false match rate; absent when nothing was
 *                     compared
 * @param modalities   per-modality scores
 * @param processingMs time from receiving the request to the decision, milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResult(Decision decision, List<Reason> reasons, String subjectId, double targetFmr,
        double threshold, Double fusedScore, List<ModalityScore> modalities, long processingMs) {
    public VerifyResult {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        modalities = List.copyOf(modalities);
    }

    /** The same result with the processing time set. */
    public VerifyResult withProcessingMs(long ms) {
        return new VerifyResult(decision, reasons, subjectId, targetFmr, threshold, fusedScore, modalities, ms);
    }
}
