package org.borderid.server.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;

/**
 * Test double of the gallery: records in a sorted map, exhaustive candidate search. Lets the HTTP and service tests
 * run without the Lucene gallery; the gallery's own adapter is tested against the same behaviour.
 */
public final class MemorySubjectStore implements SubjectStore {
    private final TreeMap<String, Subject> subjects = new TreeMap<>();
    private final java.util.OptionalInt faceDimension;

    /** A store holding faces of any dimension. */
    public MemorySubjectStore() {
        this(java.util.OptionalInt.empty());
    }

    /** A store whose face index is fixed to a dimension, as a gallery's is. */
    public MemorySubjectStore(java.util.OptionalInt faceDimension) {
        this.faceDimension = faceDimension;
    }

    @Override
    public java.util.OptionalInt faceDimension() {
        return faceDimension;
    }

    @Override
    public synchronized void enroll(Subject subject) {
        if (subjects.putIfAbsent(subject.id(), subject) != null) {
            throw new SubjectExistsException(subject.id());
        }
    }

    @Override
    public synchronized void replace(Subject subject) {
        if (!subjects.containsKey(subject.id())) {
            throw new SubjectNotFoundException(subject.id());
        }
        subjects.put(subject.id(), subject);
    }

    @Override
    public synchronized void delete(String id) {
        if (subjects.remove(id) == null) {
            throw new SubjectNotFoundException(id);
        }
    }

    @Override
    public synchronized Optional<Subject> get(String id) {
        return Optional.ofNullable(subjects.get(id));
    }

    @Override
    public synchronized SubjectPage list(SubjectQuery query, String after, int limit) {
        List<Subject> page = new ArrayList<>();
        for (Subject s : (after == null ? subjects : subjects.tailMap(after, false)).values()) {
            if (query.matches(s)) {
                if (page.size() == limit) {
                    return new SubjectPage(page, page.get(page.size() - 1).id());
                }
                page.add(s);
            }
        }
        return new SubjectPage(page, null);
    }

    @Override
    public synchronized long count(SubjectQuery query) {
        return subjects.values().stream().filter(query::matches).count();
    }

    @Override
    public synchronized List<String> faceCandidates(FaceVector probe, SubjectQuery query, int k) {
        return subjects.values().stream().filter(query::matches).filter(s -> s.face() != null)
                .sorted(Comparator.comparingDouble((Subject s) -> -probe.cosine(s.face())))
                .limit(k).map(Subject::id).toList();
    }

    @Override
    public synchronized List<String> fingerCandidates(Map<FingerPosition, FingerprintTemplate> probe,
            SubjectQuery query, int k) {
        record Scored(String id, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Subject s : subjects.values()) {
            if (!query.matches(s) || s.fingers().isEmpty()) {
                continue;
            }
            double sum = 0;
            for (Map.Entry<FingerPosition, FingerprintTemplate> p : probe.entrySet()) {
                FingerprintMatcher m = new FingerprintMatcher(p.getValue());
                if (p.getKey() == FingerPosition.UNKNOWN) {
                    sum += s.fingers().values().stream().mapToDouble(m::match).max().orElse(0);
                } else if (s.fingers().containsKey(p.getKey())) {
                    sum += m.match(s.fingers().get(p.getKey()));
                }
            }
            scored.add(new Scored(s.id(), sum));
        }
        return scored.stream().sorted(Comparator.comparingDouble(x -> -x.score())).limit(k).map(Scored::id).toList();
    }

    @Override
    public void close() {}
}
