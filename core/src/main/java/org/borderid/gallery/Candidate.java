package org.borderid.gallery;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.borderid.finger.FingerPosition;

/**
 * One candidate of an identification, with its scores.
 *
 * @param subjectId    the enrolled subject
 * @param score        the ranking score: the face cosine for {@link Gallery#identifyFace}, the sum of the per-finger
 *                     matcher scores for {@link Gallery#identifyFingers}
 * @param faceScore    cosine similarity of the probe and the enrolled embedding, −1..1, when the face was compared
 * @param fingerScores fingerprint matcher score (0..1, see {@code FingerprintMatcher}) per probe finger position
 *                     that was compared with this subject; positions whose comparison did not rank the subject among
 *                     the re-scored candidates are absent (score 0 in the sum)
 */
public record Candidate(String subjectId, double score, OptionalDouble faceScore,
                        Map<FingerPosition, Double> fingerScores) {
    public Candidate {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(faceScore, "faceScore");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score is not finite: " + score);
        }
        EnumMap<FingerPosition, Double> copy = new EnumMap<>(FingerPosition.class);
        copy.putAll(Objects.requireNonNull(fingerScores, "fingerScores"));
        fingerScores = Collections.unmodifiableMap(copy);
    }
}
