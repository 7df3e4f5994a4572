package org.borderid.server.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision policy applied to a set of modality scores (docs/server.md, "Decision policy"):
 * <ol>
 * <li>nothing compared (every capture unusable, or the reference lacks every captured modality) → INCONCLUSIVE;</li>
 * <li>fused evidence ({@link Fusion}) ≥ −log10(target) and, when two or more modalities were compared, none scoring
 * like an impostor (its own FMR estimate ≥ {@link DecisionPolicy#disagreementFmr()}) → MATCH;</li>
 * <li>fused evidence reaches the target but a modality scores like an impostor → INCONCLUSIVE
 * ({@code MODALITIES_DISAGREE}): a look-alike face with someone else's finger, or a badly placed finger;</li>
 * <li>below the target while some capture was unusable → INCONCLUSIVE (a better capture may decide);</li>
 * <li>otherwise NO_MATCH.</li>
 * </ol>
 */
public final class DecisionRule {
    /** Outcome of the rule. */
    public record Outcome(Decision decision, Double fusedEvidence, List<Reason> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    private DecisionRule() {}

    /**
     * Applies the rule.
     *
     * @param scores          the modality scores
     * @param issues          captures that could not be used
     * @param threshold       required fused evidence, −log10(target FMR)
     * @param disagreementFmr a compared modality whose FMR estimate is at least this disagrees
     */
    public static Outcome decide(List<ModalityScore> scores, List<CaptureIssue> issues, double threshold,
            double disagreementFmr) {
        List<Reason> reasons = new ArrayList<>();
        issues.forEach(i -> reasons.add(Reason.of(i)));
        for (ModalityScore s : scores) {
            if (!s.compared()) {
                reasons.add(new Reason("NOT_ENROLLED", s.modality(), null, "The reference has no "
                        + (s.position() == null ? s.modality() : s.position().name()) + " to compare with."));
            }
        }
        List<ModalityScore> compared = scores.stream().filter(ModalityScore::compared).toList();
        if (compared.isEmpty()) {
            reasons.add(issues.isEmpty() && !scores.isEmpty()
                    ? new Reason("NO_COMMON_MODALITY", null, null,
                            "None of the captured modalities is enrolled for this reference.")
                    : new Reason("NO_USABLE_CAPTURE", null, null, "No capture could be used; capture again."));
            return new Outcome(Decision.INCONCLUSIVE, null, reasons);
        }
        double fused = Fusion.fuse(compared.stream().mapToDouble(ModalityScore::evidence).toArray());
        double disagreement = -Math.log10(disagreementFmr);
        if (fused >= threshold) {
            List<ModalityScore> weak = compared.size() < 2 ? List.of()
                    : compared.stream().filter(s -> s.evidence() < disagreement).toList();
            if (weak.isEmpty()) {
                return new Outcome(Decision.MATCH, fused, reasons);
            }
            for (ModalityScore w : weak) {
                reasons.add(new Reason("MODALITIES_DISAGREE", w.modality(), null, "The "
                        + (w.position() == null ? w.modality() : w.position().name())
                        + " scores like a different person while the other captures match; refer to an officer."));
            }
            return new Outcome(Decision.INCONCLUSIVE, fused, reasons);
        }
        return new Outcome(issues.isEmpty() ? Decision.NO_MATCH : Decision.INCONCLUSIVE, fused, reasons);
    }
}
