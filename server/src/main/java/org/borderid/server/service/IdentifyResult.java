package org.borderid.server.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a 1:N search ({@code POST /v1/identify}).
 *
 * @param outcome      {@code HIT} (a candidate passes the threshold), {@code NO_HIT} or {@code INCONCLUSIVE}
 *                     (captures unusable, or a candidate above the threshold with disagreeing modalities)
 * @param reasons      why (capture feedback, decision rules)
 * @param list         the list searched
 * @param targetFpir   the target false positive identification rate
 * @param threshold    fused score a candidate needs: log10(gallerySize / targetFpir) (administrators only)
 * @param gallerySize  subjects on the list (administrators only)
 * @param candidates   ranked candidates: every shortlisted one for administrators, only those above the threshold
 *                     for kiosks
 * @param processingMs time from receiving the request to the answer, milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentifyResult(String outcome, List<Reason> reasons, String list, double targetFpir, Double threshold,
        Long gallerySize, List<Candidate> candidates, long processingMs) {
    /** A candidate passed. */
    public static final String HIT = "HIT";
    /** No candidate passed. */
    public static final String NO_HIT = "NO_HIT";
    /** No safe answer. */
    public static final String INCONCLUSIVE = "INCONCLUSIVE";

    public IdentifyResult {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        candidates = List.copyOf(candidates);
    }

    /** What a kiosk sees: the outcome and the candidates above the threshold, without reference data. */
    public IdentifyResult forKiosk() {
        return new IdentifyResult(outcome, reasons, list, targetFpir, null, null, candidates.stream()
                .filter(Candidate::hit).map(Candidate::forKiosk).toList(), processingMs);
    }

    public IdentifyResult withProcessingMs(long ms) {
        return new IdentifyResult(outcome, reasons, list, targetFpir, threshold, gallerySize, candidates, ms);
    }
}
