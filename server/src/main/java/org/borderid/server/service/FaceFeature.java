package org.borderid.server.service;

import java.util.Objects;

/**
 * A usable face: its embedding and the capture's quality summary.
 *
 * @param field     where it was in the request
 * @param vector    the embedding
 * @param facesSeen faces the detector found in the image
 */
public record FaceFeature(String field, FaceVector vector, int facesSeen) {
    public FaceFeature {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(vector, "vector");
    }
}
