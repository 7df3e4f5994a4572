package org.borderid.server.service;

import java.util.EnumMap;
import java.util.Map;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;

/**
 * What live captures are compared with: an enrolled subject's templates or a reference document's (the passport
 * photo, fingers read from the chip).
 *
 * @param face    the reference face, or {@code null}
 * @param fingers reference fingers by position
 */
public record Reference(FaceVector face, Map<FingerPosition, FingerprintTemplate> fingers) {
    public Reference {
        fingers = fingers.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(fingers));
    }

    /** The templates of an enrolled subject. */
    public static Reference of(Subject s) {
        return new Reference(s.face(), s.fingers());
    }

    /** The features read from reference captures (fingers need known positions). */
    public static Reference of(ProbeFeatures features) {
        Map<FingerPosition, FingerprintTemplate> fingers = new EnumMap<>(FingerPosition.class);
        for (FingerFeature f : features.fingers()) {
            fingers.put(f.position(), f.template());
        }
        return new Reference(features.face() == null ? null : features.face().vector(), fingers);
    }
}
