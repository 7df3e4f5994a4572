package org.borderid.server.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.Candidate;
import org.borderid.gallery.DuplicateSubjectException;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.SubjectFilter;
import org.borderid.gallery.SubjectRecord;
import org.borderid.gallery.UnknownSubjectException;
import org.borderid.server.service.FaceVector;
import org.borderid.server.service.Subject;
import org.borderid.server.service.SubjectExistsException;
import org.borderid.server.service.SubjectNotFoundException;
import org.borderid.server.service.SubjectPage;
import org.borderid.server.service.SubjectQuery;
import org.borderid.server.service.SubjectStore;
import org.borderid.server.service.SubjectStoreFactory;

/**
 * The server's subject store over the Lucene gallery ({@code org.borderid.gallery.Gallery}): durable records (the
 * gallery's fsynced journal), face and finger candidate searches. What the gallery record has no field for is kept in
 * attributes under the reserved {@code borderid.} prefix, which API reference-data keys cannot use (they have no
 * dots): the face model's name and the enrollment and replacement times. Thread-safe, as the gallery is.
 */
public final class GallerySubjectStore implements SubjectStore {
    /** Attribute holding the face embedding's model name. */
    static final String FACE_MODEL = "borderid.faceModel";
    /** Attribute holding the first enrollment time (ISO-8601 instant). */
    static final String ENROLLED = "borderid.enrolled";
    /** Attribute holding the last replacement time (ISO-8601 instant). */
    static final String UPDATED = "borderid.updated";
    /** Model name shown for faces of records written by other tools, which carry no model name. */
    static final String UNKNOWN_MODEL = "unknown";

    private final Gallery gallery;
    private final int faceDimension;

    private GallerySubjectStore(Gallery gallery, int faceDimension) {
        this.gallery = gallery;
        this.faceDimension = faceDimension;
    }

    /**
     * A factory opening (or creating) galleries whose new indexes hold face embeddings of {@code faceDimension}
     * components; an existing gallery keeps the face settings it was created with.
     */
    public static SubjectStoreFactory factory(int faceDimension) {
        return folder -> open(folder, faceDimension);
    }

    /**
     * Opens (creating if needed) the gallery in {@code folder}.
     *
     * @throws org.borderid.gallery.GalleryException when it is locked, corrupt, of a newer format or unreadable
     */
    public static GallerySubjectStore open(Path folder, int faceDimension) {
        GalleryConfig config = Gallery.existingConfig(folder)
                .orElse(GalleryConfig.defaults().withFaceDimension(faceDimension));
        return new GallerySubjectStore(Gallery.open(folder, config), config.faceDimension());
    }

    @Override
    public void enroll(Subject subject) {
        try {
            gallery.enroll(record(subject));
        } catch (DuplicateSubjectException e) {
            throw new SubjectExistsException(subject.id());
        }
    }

    @Override
    public void replace(Subject subject) {
        try {
            gallery.replace(record(subject));
        } catch (UnknownSubjectException e) {
            throw new SubjectNotFoundException(subject.id());
        }
    }

    @Override
    public void delete(String id) {
        try {
            gallery.delete(id);
        } catch (UnknownSubjectException e) {
            throw new SubjectNotFoundException(id);
        }
    }

    @Override
    public Optional<Subject> get(String id) {
        return gallery.find(id).map(GallerySubjectStore::subject);
    }

    @Override
    public SubjectPage list(SubjectQuery query, String after, int limit) {
        org.borderid.gallery.SubjectPage page = gallery.list(filter(query), after,
                Math.max(1, Math.min(Gallery.MAX_PAGE, limit)));
        return new SubjectPage(page.records().stream().map(GallerySubjectStore::subject).toList(),
                page.next().orElse(null));
    }

    @Override
    public long count(SubjectQuery query) {
        return gallery.count(filter(query));
    }

    @Override
    public List<String> faceCandidates(FaceVector probe, SubjectQuery query, int k) {
        float[] vector = probe.vector();
        if (vector.length != faceDimension) {
            return List.of(); // another embedding space: nothing in this gallery is comparable
        }
        return ids(gallery.identifyFace(vector, filter(query), candidates(k)).candidates());
    }

    @Override
    public List<String> fingerCandidates(Map<FingerPosition, FingerprintTemplate> probe, SubjectQuery query, int k) {
        return ids(gallery.identifyFingers(probe, filter(query), candidates(k)).candidates());
    }

    @Override
    public java.util.OptionalInt faceDimension() {
        return java.util.OptionalInt.of(faceDimension);
    }

    @Override
    public void makeSearchable() {
        gallery.refresh();
    }

    @Override
    public void close() {
        gallery.close();
    }

    static SubjectRecord record(Subject s) {
        SubjectRecord.Builder b = SubjectRecord.builder(s.id()).agency(s.agency()).lists(s.lists()
                .toArray(String[]::new));
        s.referenceData().forEach(b::attribute);
        b.attribute(ENROLLED, s.enrolled().toString()).attribute(UPDATED, s.updated().toString());
        if (s.face() != null) {
            b.face(s.face().vector()).attribute(FACE_MODEL, s.face().model());
        }
        s.fingers().forEach(b::finger);
        return b.build();
    }

    static Subject subject(SubjectRecord r) {
        Map<String, String> reference = new LinkedHashMap<>(r.attributes());
        String model = reference.remove(FACE_MODEL);
        Instant enrolled = instant(reference.remove(ENROLLED));
        Instant updated = instant(reference.remove(UPDATED));
        FaceVector face = r.hasFace() ? new FaceVector(model == null ? UNKNOWN_MODEL : model, r.face()) : null;
        return new Subject(r.id(), r.agency(), List.copyOf(r.lists()), reference, face, r.fingers(), enrolled,
                updated.isBefore(enrolled) ? enrolled : updated);
    }

    /** A recorded time, or the epoch for records written by other tools (shown as 1970: unknown). */
    private static Instant instant(String text) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static SubjectFilter filter(SubjectQuery q) {
        return new SubjectFilter(q.list() == null ? Set.of() : Set.of(q.list()),
                q.agency() == null ? Set.of() : Set.of(q.agency()));
    }

    private static int candidates(int k) {
        return Math.max(1, Math.min(Gallery.MAX_CANDIDATES, k));
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::subjectId).toList();
    }
}
