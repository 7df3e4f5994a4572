package org.borderid.server.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.server.audit.AuditAction;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.security.Principal;

/**
 * {@code POST /v1/identify}: the gallery shortlists candidates per modality; each is then re-scored exactly against
 * the probe with the calibrated matchers, fused, ranked, and compared with the identification threshold.
 *
 * <p>Threshold: against N subjects, a probe of someone not enrolled produces a false hit with probability about
 * N × FMR (each comparison is a chance), so a target FPIR needs a per-comparison FMR of FPIR / N: a fused evidence of
 * log10(N / FPIR). Every candidate above the threshold is written to the audit log (action {@code identify-hit}).
 */
public final class IdentificationService {
    /** Each modality shortlists this many times the requested candidates before exact re-scoring (recall margin). */
    static final int SHORTLIST_FACTOR = 2;

    private final Engines engines;
    private final DecisionPolicy policy;
    private final AuditLog audit;

    public IdentificationService(Engines engines, DecisionPolicy policy, AuditLog audit) {
        this.engines = engines;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * Searches.
     *
     * @throws UnusableCaptureException   if a capture cannot be read
     * @throws ServiceUnavailableException if the gallery, or (for a face) the face engine, is unavailable
     */
    public IdentifyResult identify(Principal who, IdentifyCommand command) {
        SubjectStore store = engines.requireStore();
        ProbeFeatures probe = engines.probeReader().read(command.probe(), ProbeReader.Mode.LIVE,
                FaceGate.parse(policy.faceQuality()), policy.minFingerQuality());
        SubjectQuery query = new SubjectQuery(command.list(), null);
        long size = store.count(query);
        double threshold = Math.log10(Math.max(1, size) / command.targetFpir());
        List<Reason> reasons = new ArrayList<>();
        probe.issues().forEach(i -> reasons.add(Reason.of(i)));
        if (!probe.usable()) {
            reasons.add(new Reason("NO_USABLE_CAPTURE", null, null, "No capture could be used; capture again."));
            return result(IdentifyResult.INCONCLUSIVE, reasons, command, threshold, size, List.of());
        }
        List<Candidate> ranked = rank(store, probe, shortlist(store, probe, query, command.maxCandidates()),
                command.maxCandidates(), threshold);
        boolean hit = ranked.stream().anyMatch(Candidate::hit);
        boolean disputed = ranked.stream().anyMatch(c -> !c.hit() && c.fusedScore() >= threshold);
        if (disputed) {
            reasons.add(new Reason("MODALITIES_DISAGREE", null, null, "A candidate passes the threshold but one of "
                    + "its modalities scores like a different person; refer to an officer."));
        }
        for (Candidate c : ranked) {
            if (c.fusedScore() >= threshold) {
                audit.append(who, AuditAction.IDENTIFY_HIT, c.subjectId(), (c.hit() ? "hit" : "disputed") + " rank="
                        + c.rank() + " score=" + c.fusedScore(), "list=" + command.list());
            }
        }
        String outcome = hit ? IdentifyResult.HIT : disputed || !probe.issues().isEmpty() ? IdentifyResult.INCONCLUSIVE
                : IdentifyResult.NO_HIT;
        return result(outcome, reasons, command, threshold, size, ranked);
    }

    private static List<String> shortlist(SubjectStore store, ProbeFeatures probe, SubjectQuery query, int wanted) {
        int k = Math.min(DecisionPolicy.MAX_CANDIDATES, wanted * SHORTLIST_FACTOR);
        Set<String> ids = new LinkedHashSet<>();
        if (probe.face() != null) {
            ids.addAll(store.faceCandidates(probe.face().vector(), query, k));
        }
        if (!probe.fingers().isEmpty()) {
            Map<FingerPosition, FingerprintTemplate> fingers = new EnumMap<>(FingerPosition.class);
            probe.fingers().forEach(f -> fingers.put(f.position(), f.template()));
            ids.addAll(store.fingerCandidates(fingers, query, k));
        }
        return new ArrayList<>(ids);
    }

    private List<Candidate> rank(SubjectStore store, ProbeFeatures probe, List<String> ids, int max,
            double threshold) {
        record Scored(Subject subject, List<ModalityScore> scores, DecisionRule.Outcome outcome) {}
        Optional<ScoreScale> faceScale = engines.faces().map(FaceReader::scale);
        List<Scored> scored = new ArrayList<>();
        for (String id : ids) {
            Optional<Subject> s = store.get(id);
            if (s.isEmpty()) {
                continue; // deleted since the shortlist was made
            }
            List<ModalityScore> scores = Comparison.compare(probe, Reference.of(s.get()), faceScale,
                    engines.fingerScale());
            DecisionRule.Outcome o = DecisionRule.decide(scores, List.of(), threshold, policy.disagreementFmr());
            if (o.fusedEvidence() != null) {
                scored.add(new Scored(s.get(), scores, o));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored x) -> -x.outcome().fusedEvidence())
                .thenComparing(x -> x.subject().id()));
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, scored.size()); i++) {
            Scored x = scored.get(i);
            out.add(new Candidate(i + 1, x.subject().id(), x.subject().lists(), x.subject().agency(),
                    x.subject().referenceData(), Comparison.round(x.outcome().fusedEvidence()),
                    x.outcome().decision() == Decision.MATCH, x.scores()));
        }
        return out;
    }

    private static IdentifyResult result(String outcome, List<Reason> reasons, IdentifyCommand c, double threshold,
            long size, List<Candidate> candidates) {
        return new IdentifyResult(outcome, reasons, c.list(), c.targetFpir(), Comparison.round(threshold), size,
                candidates, 0);
    }
}
