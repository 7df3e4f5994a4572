package org.borderid.face;

import java.util.Objects;
import java.util.Set;
import org.borderid.OperatingPoint;

/**
 * The outcome of a 1:1 face comparison.
 *
 * @param similarity cosine similarity of the two embeddings, −1..1 (higher is more alike)
 * @param pointsMet  the operating points whose calibrated threshold the similarity reaches (empty for an uncalibrated
 *                   model)
 */
public record FaceScore(double similarity, Set<OperatingPoint> pointsMet) {
    public FaceScore {
        if (!(similarity >= -1 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in -1..1: " + similarity);
        }
        pointsMet = Set.copyOf(Objects.requireNonNull(pointsMet, "pointsMet"));
    }

    /** Whether the comparison is a match at the operating point (similarity at or above its threshold). */
    public boolean meets(OperatingPoint point) {
        return pointsMet.contains(Objects.requireNonNull(point, "point"));
    }
}
