package org.borderid.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;

/**
 * Compares a request's features with a reference, modality by modality, and puts every score on the evidence scale.
 *
 * <p>A finger of known position is compared with the reference finger of that position only. A finger of unknown
 * position is compared with every reference finger and keeps the best score; its evidence is corrected for the m
 * tries (Šidák: FMR<sub>max of m</sub> = 1 − (1 − FMR)<sup>m</sup>), so guessing the finger costs accuracy, not
 * security.
 */
public final class Comparison {
    private Comparison() {}

    /**
     * The modality scores of the probe against the reference.
     *
     * @param faceScale the face model's scale, or empty when no face engine is loaded
     */
    public static List<ModalityScore> compare(ProbeFeatures probe, Reference reference, Optional<ScoreScale> faceScale,
            ScoreScale fingerScale) {
        List<ModalityScore> out = new ArrayList<>();
        if (probe.face() != null) {
            if (reference.face() == null || !reference.face().model().equals(probe.face().vector().model())
                    || faceScale.isEmpty()) {
                // No reference face, or one embedded by another model (the server's model changed since enrollment:
                // such faces must be re-enrolled; embeddings of different models are never compared).
                out.add(new ModalityScore("face", null, ModalityScore.NOT_ENROLLED, null, null, null));
            } else {
                double similarity = probe.face().vector().cosine(reference.face());
                double evidence = faceScale.orElseThrow().evidence(similarity);
                out.add(new ModalityScore("face", null, ModalityScore.COMPARED, round(similarity), round(evidence),
                        null));
            }
        }
        for (FingerFeature f : probe.fingers()) {
            out.add(compareFinger(f, reference.fingers(), fingerScale));
        }
        return out;
    }

    private static ModalityScore compareFinger(FingerFeature f, Map<FingerPosition, FingerprintTemplate> reference,
            ScoreScale scale) {
        FingerprintMatcher matcher = new FingerprintMatcher(f.template());
        if (f.position() != FingerPosition.UNKNOWN) {
            FingerprintTemplate candidate = reference.get(f.position());
            if (candidate == null) {
                return new ModalityScore("finger", f.position(), ModalityScore.NOT_ENROLLED, null, null, f.quality());
            }
            double score = matcher.match(candidate);
            return new ModalityScore("finger", f.position(), ModalityScore.COMPARED, round(score),
                    round(scale.evidence(score)), f.quality());
        }
        if (reference.isEmpty()) {
            return new ModalityScore("finger", f.position(), ModalityScore.NOT_ENROLLED, null, null, f.quality());
        }
        double best = 0;
        for (FingerprintTemplate candidate : reference.values()) {
            best = Math.max(best, matcher.match(candidate));
        }
        double evidence = sidak(scale.evidence(best), reference.size());
        return new ModalityScore("finger", f.position(), ModalityScore.COMPARED, round(best), round(evidence),
                f.quality());
    }

    /** Evidence of the best of m comparisons: −log10(1 − (1 − 10^−e)^m), computed stably. */
    static double sidak(double evidence, int m) {
        double fmr = Math.pow(10, -evidence);
        double fmrOfMax = -Math.expm1(m * Math.log1p(-Math.min(fmr, 1 - 1e-16)));
        return Math.max(0, -Math.log10(fmrOfMax));
    }

    /** Scores and evidence in responses: 4 decimals are plenty and keep responses stable to read. */
    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
