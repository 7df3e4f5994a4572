package org.borderid.server.service;

import java.util.Objects;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;

/**
 * A usable finger: its template and the capture's quality.
 *
 * @param field    where it was in the request
 * @param position the finger (possibly {@link FingerPosition#UNKNOWN})
 * @param template the template
 * @param quality  capture quality 0..100 (the extractor's, or the record's)
 */
public record FingerFeature(String field, FingerPosition position, FingerprintTemplate template, int quality) {
    public FingerFeature {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(template, "template");
    }
}
