package org.borderid.bench.jmh.kiosk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.server.service.FaceVector;
import org.borderid.server.service.Subject;
import org.borderid.server.service.SubjectPage;
import org.borderid.server.service.SubjectQuery;
import org.borderid.server.service.SubjectStore;

/**
 * The kiosk benchmark's gallery: the enrolled travellers in a map. A 1:1 verification only looks its claimed subject
 * up, so the gallery's search structures (measured by the 1:N benchmarks) play no part; the lookup itself is kept.
 */
final class EnrolledSubjects implements SubjectStore {
    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();

    @Override
    public void enroll(Subject subject) {
        subjects.put(subject.id(), subject);
    }

    @Override
    public Optional<Subject> get(String id) {
        return Optional.ofNullable(subjects.get(id));
    }

    @Override
    public long count(SubjectQuery query) {
        return subjects.size();
    }

    @Override
    public void replace(Subject subject) {
        throw new UnsupportedOperationException("the kiosk benchmark only verifies");
    }

    @Override
    public void delete(String id) {
        throw new UnsupportedOperationException("the kiosk benchmark only verifies");
    }

    @Override
    public SubjectPage list(SubjectQuery query, String after, int limit) {
        throw new UnsupportedOperationException("the kiosk benchmark only verifies");
    }

    @Override
    public List<String> faceCandidates(FaceVector probe, SubjectQuery query, int k) {
        throw new UnsupportedOperationException("the kiosk benchmark only verifies");
    }

    @Override
    public List<String> fingerCandidates(Map<FingerPosition, FingerprintTemplate> probe, SubjectQuery query, int k) {
        throw new UnsupportedOperationException("the kiosk benchmark only verifies");
    }

    @Override
    public void close() {
        subjects.clear();
    }
}
