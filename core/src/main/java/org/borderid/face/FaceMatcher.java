package org.borderid.face;

import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.borderid.OperatingPoint;

/**
 * 1:1 face verification against one probe embedding: cosine similarity, with thresholds calibrated per model and
 * offered by {@link OperatingPoint}.
 *
 * <p>Immutable and thread-safe. Typical use at a checkpoint: the probe is the passport photo's embedding, the candidate
 * the live capture's, and the decision {@code matcher.match(live).meets(OperatingPoint.FMR_1E3)}.
 */
public final class FaceMatcher {
    private final FaceModelDescriptor model;
    private final FaceEmbedding probe;

    /**
     * @param model the model that produced the probe (its thresholds are used)
     * @param probe the reference embedding
     * @throws FaceModelException {@code EMBEDDING_MISMATCH} if the probe is not of this model
     */
    public FaceMatcher(FaceModelDescriptor model, FaceEmbedding probe) {
        this.model = Objects.requireNonNull(model, "model");
        this.probe = Objects.requireNonNull(probe, "probe");
        if (!probe.model().equals(model.name()) || probe.dimension() != model.dimension()) {
            throw new FaceModelException(FaceModelException.Reason.EMBEDDING_MISMATCH, "probe is a " + probe.model()
                    + " embedding (" + probe.dimension() + "-d), not a " + model.name() + " one ("
                    + model.dimension() + "-d)");
        }
    }

    /**
     * Compares a candidate with the probe.
     *
     * @throws FaceModelException {@code EMBEDDING_MISMATCH} if the candidate is of another model
     */
    public FaceScore match(FaceEmbedding candidate) {
        double similarity = probe.cosine(candidate);
        Set<OperatingPoint> met = EnumSet.noneOf(OperatingPoint.class);
        for (OperatingPoint point : OperatingPoint.values()) {
            OptionalDouble t = model.calibratedThreshold(point);
            if (t.isPresent() && similarity >= t.getAsDouble()) {
                met.add(point);
            }
        }
        return new FaceScore(similarity, met);
    }

    /**
     * The cosine threshold calibrated for an operating point with this matcher's model (scores at or above it are
     * matches).
     *
     * @throws FaceModelException {@code NOT_CALIBRATED} if the model has no threshold for the point
     */
    public double threshold(OperatingPoint point) {
        return model.threshold(point);
    }

    /** The model whose embeddings this matcher compares. */
    public FaceModelDescriptor model() {
        return model;
    }
}
