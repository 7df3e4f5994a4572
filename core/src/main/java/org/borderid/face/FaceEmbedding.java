package org.borderid.face;

import java.util.Arrays;
import java.util.Objects;

/**
 * A face embedding: an L2-normalised vector in the embedding space of one model.
 *
 * <p>Immutable; the vector is copied in and {@link #vector()} returns a copy. Embeddings of different models (by
 * {@link FaceModelDescriptor#name()}) are not comparable, and {@link FaceMatcher} refuses to compare them.
 * {@link #toString()} never prints the vector.
 */
public final class FaceEmbedding {
    private final String model;
    private final float[] vector;

    private FaceEmbedding(String model, float[] vector) {
        this.model = model;
        this.vector = vector;
    }

    /**
     * An embedding of the given raw model output, normalised to unit length.
     *
     * @param model  the model's {@link FaceModelDescriptor#name()}
     * @param vector the model output (copied), finite and not all zero
     * @throws IllegalArgumentException if the vector is empty, has a non-finite value or has zero length
     */
    public static FaceEmbedding of(String model, float[] vector) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty embedding vector");
        }
        double sum = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("embedding vector has a non-finite value");
            }
            sum += (double) v * v;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("embedding vector has zero length");
        }
        double inverse = 1 / Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) (vector[i] * inverse);
        }
        return new FaceEmbedding(model, unit);
    }

    /** The name of the model that produced this embedding. */
    public String model() {
        return model;
    }

    /** Number of components. */
    public int dimension() {
        return vector.length;
    }

    /** A copy of the unit-length vector. */
    public float[] vector() {
        return vector.clone();
    }

    /**
     * Cosine similarity to another embedding of the same model: the dot product of the unit vectors, −1..1.
     *
     * @throws FaceModelException {@code EMBEDDING_MISMATCH} if the other embedding is of another model or dimension
     */
    public double cosine(FaceEmbedding other) {
        Objects.requireNonNull(other, "other");
        if (!model.equals(other.model) || vector.length != other.vector.length) {
            throw new FaceModelException(FaceModelException.Reason.EMBEDDING_MISMATCH,
                    "cannot compare a " + model + " embedding (" + vector.length + "-d) with a " + other.model
                            + " embedding (" + other.vector.length + "-d)");
        }
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
        }
        return Math.max(-1, Math.min(1, dot));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceEmbedding e && e.model.equals(model) && Arrays.equals(e.vector, vector);
    }

    @Override
    public int hashCode() {
        return 31 * model.hashCode() + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "FaceEmbedding[" + model + ", " + vector.length + "-d]";
    }
}
