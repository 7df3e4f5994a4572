package org.borderid.server.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.borderid.finger.FingerPosition;

/**
 * A subject as the API shows it: metadata and which biometrics are enrolled, never templates, embeddings or images.
 *
 * @param id            subject id
 * @param agency        owning agency
 * @param lists         list memberships
 * @param referenceData reference data
 * @param face          the face model, when a face is enrolled
 * @param fingers       enrolled fingers with their capture quality and minutiae count
 * @param enrolled      first enrollment, ISO-8601 UTC
 * @param updated       last replacement, ISO-8601 UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectView(String id, String agency, List<String> lists, Map<String, String> referenceData,
        FaceInfo face, List<FingerInfo> fingers, String enrolled, String updated) {

    /** An enrolled face: the model that embedded it. */
    public record FaceInfo(String model) {}

    /** An enrolled finger. */
    public record FingerInfo(FingerPosition position, int quality, int minutiae) {}

    /** The view of a subject. */
    public static SubjectView of(Subject s) {
        return new SubjectView(s.id(), s.agency(), s.lists(), s.referenceData(),
                s.face() == null ? null : new FaceInfo(s.face().model()),
                s.fingers().entrySet().stream().map(e -> new FingerInfo(e.getKey(), e.getValue().quality(),
                        e.getValue().minutiae().size())).toList(), s.enrolled().toString(), s.updated().toString());
    }
}
