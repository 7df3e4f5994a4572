package org.borderid.server.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;

/**
 * What the server needs from the gallery: durable records and candidate retrieval. Implemented over the Lucene
 * gallery ({@code org.borderid.gallery}); the server re-scores every candidate exactly with the engines' calibrated
 * matchers, so the store only has to find them. Implementations are thread-safe.
 */
public interface SubjectStore extends AutoCloseable {
    /**
     * Enrolls a new subject; durable when this returns.
     *
     * @throws SubjectExistsException if the id is enrolled
     */
    void enroll(Subject subject);

    /**
     * Replaces an enrolled subject; durable when this returns.
     *
     * @throws SubjectNotFoundException if the id is not enrolled
     */
    void replace(Subject subject);

    /**
     * Deletes a subject; durable when this returns.
     *
     * @throws SubjectNotFoundException if the id is not enrolled
     */
    void delete(String id);

    /** The subject, if enrolled. */
    Optional<Subject> get(String id);

    /** Subjects matching the query with ids after {@code after} (or from the first when null), in id order. */
    SubjectPage list(SubjectQuery query, String after, int limit);

    /** How many subjects match the query. */
    long count(SubjectQuery query);

    /** Ids of the subjects whose faces are nearest the probe, best first, at most {@code k}. */
    List<String> faceCandidates(FaceVector probe, SubjectQuery query, int k);

    /** Ids of the subjects whose fingers best match the probe fingers, best first, at most {@code k}. */
    List<String> fingerCandidates(Map<FingerPosition, FingerprintTemplate> probe, SubjectQuery query, int k);

    /**
     * Makes every acknowledged change visible to searches now (stores may otherwise take a short, documented time).
     * Called after single enrollments so that a kiosk can identify a subject as soon as the administrator's request
     * returns; bulk imports call it once at the end.
     */
    default void makeSearchable() {}

    /** The dimension of the face embeddings the store can hold, when it is fixed (empty: any). */
    default java.util.OptionalInt faceDimension() {
        return java.util.OptionalInt.empty();
    }

    @Override
    void close();
}
