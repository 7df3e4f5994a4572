package org.borderid.server.service;

import java.util.Arrays;
import java.util.Objects;

/**
 * A face template as the server stores and compares it: the embedding model's name and the unit-length embedding.
 * Embeddings of different models are never compared. The vector is copied in and out; {@link #toString()} never
 * prints it.
 *
 * @param model  the embedding model's name (e.g. {@code mobilefacenet})
 * @param vector the unit-length embedding
 */
public record FaceVector(String model, float[] vector) {
    public FaceVector {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty face embedding");
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** Cosine similarity with another embedding of the same model, −1..1. */
    public double cosine(FaceVector other) {
        if (!model.equals(other.model) || vector.length != other.vector.length) {
            throw new IllegalArgumentException("cannot compare " + model + " and " + other.model + " embeddings");
        }
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += (double) vector[i] * other.vector[i];
            a += (double) vector[i] * vector[i];
            b += (double) other.vector[i] * other.vector[i];
        }
        return a == 0 || b == 0 ? 0 : Math.max(-1, Math.min(1, dot / Math.sqrt(a * b)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceVector f && f.model.equals(model) && Arrays.equals(f.vector, vector);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "FaceVector[" + model + ", " + vector.length + "-d]";
    }
}
