package org.borderid.server.service;

import java.util.List;

/**
 * {@code POST /v1/verify}: reads the live captures, finds the reference (enrolled subject or reference document),
 * compares modality by modality and applies the decision policy.
 */
public final class VerificationService {
    private final Engines engines;
    private final DecisionPolicy policy;

    public VerificationService(Engines engines, DecisionPolicy policy) {
        this.engines = engines;
        this.policy = policy;
    }

    /**
     * Verifies.
     *
     * @throws SubjectNotFoundException    if the claimed subject is not enrolled
     * @throws UnusableCaptureException   if a capture cannot be read, or a reference capture is too poor
     * @throws ServiceUnavailableException if the gallery (for a claim) or the face engine (for a face) is unavailable
     */
    public VerifyResult verify(VerifyCommand command) {
        ProbeReader reader = engines.probeReader();
        Reference reference = command.subjectId() != null
                ? Reference.of(engines.requireStore().get(command.subjectId())
                        .orElseThrow(() -> new SubjectNotFoundException(command.subjectId())))
                : Reference.of(reader.read(command.reference(), ProbeReader.Mode.REFERENCE, FaceGate.RECOGNITION, 0));
        ProbeFeatures probe = reader.read(command.probe(), ProbeReader.Mode.LIVE, FaceGate.parse(policy.faceQuality()),
                policy.minFingerQuality());
        List<ModalityScore> scores = Comparison.compare(probe, reference, engines.faces().map(FaceReader::scale),
                engines.fingerScale());
        double threshold = -Math.log10(command.targetFmr());
        DecisionRule.Outcome outcome = DecisionRule.decide(scores, probe.issues(), threshold,
                policy.disagreementFmr());
        return new VerifyResult(outcome.decision(), outcome.reasons(), command.subjectId(), command.targetFmr(),
                Comparison.round(threshold), outcome.fusedEvidence() == null ? null
                        : Comparison.round(outcome.fusedEvidence()), scores, 0);
    }
}
