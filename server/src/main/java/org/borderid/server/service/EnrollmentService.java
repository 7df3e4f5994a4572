package org.borderid.server.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.server.audit.AuditAction;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.security.Principal;

/**
 * Enrollment, replacement, deletion and lookup of subjects. Captures are read in reference mode (a poor capture is
 * refused with 422, never enrolled); every change is written to the audit log after the gallery has made it durable.
 */
public final class EnrollmentService {
    private final Engines engines;
    private final DecisionPolicy policy;
    private final AuditLog audit;

    public EnrollmentService(Engines engines, DecisionPolicy policy, AuditLog audit) {
        this.engines = engines;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * Enrolls a new subject.
     *
     * @throws SubjectExistsException    if the id is enrolled
     * @throws UnusableCaptureException if a capture cannot be read or is too poor
     */
    public SubjectView enroll(Principal who, EnrollCommand command) {
        SubjectView view = enrollQuietly(who, command);
        engines.requireStore().makeSearchable();
        return view;
    }

    /**
     * Enrolls without making the subject searchable at once (bulk imports: searchable within the store's refresh
     * interval, and at the end of the job).
     */
    public SubjectView enrollQuietly(Principal who, EnrollCommand command) {
        SubjectStore store = engines.requireStore();
        if (store.get(command.id()).isPresent()) {
            throw new SubjectExistsException(command.id()); // before the costly extraction; the store re-checks
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Subject subject = subject(command, now, now);
        store.enroll(subject);
        audit.append(who, AuditAction.ENROLL, subject.id(), "ok", describe(subject));
        return SubjectView.of(subject);
    }

    /**
     * Replaces an enrolled subject (metadata and templates).
     *
     * @throws SubjectNotFoundException if the id is not enrolled
     */
    public SubjectView replace(Principal who, EnrollCommand command) {
        SubjectStore store = engines.requireStore();
        Subject old = store.get(command.id()).orElseThrow(() -> new SubjectNotFoundException(command.id()));
        Subject subject = subject(command, old.enrolled(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.replace(subject);
        store.makeSearchable();
        audit.append(who, AuditAction.REPLACE, subject.id(), "ok", describe(subject));
        return SubjectView.of(subject);
    }

    /**
     * Deletes a subject.
     *
     * @throws SubjectNotFoundException if the id is not enrolled
     */
    public void delete(Principal who, String id) {
        engines.requireStore().delete(id);
        engines.requireStore().makeSearchable();
        audit.append(who, AuditAction.DELETE, id, "ok", "");
    }

    /** Makes the acknowledged enrollments searchable now (end of a bulk import). */
    public void makeSearchable() {
        engines.store().ifPresent(SubjectStore::makeSearchable);
    }

    /** A subject's view. */
    public SubjectView get(String id) {
        return SubjectView.of(engines.requireStore().get(id).orElseThrow(() -> new SubjectNotFoundException(id)));
    }

    /** A page of subjects. */
    public SubjectPage list(SubjectQuery query, String after, int limit) {
        return engines.requireStore().list(query, after, limit);
    }

    private Subject subject(EnrollCommand c, Instant enrolled, Instant updated) {
        ProbeFeatures features = engines.probeReader().read(c.captures(), ProbeReader.Mode.REFERENCE,
                FaceGate.RECOGNITION, policy.minFingerQuality());
        Map<FingerPosition, FingerprintTemplate> fingers = new EnumMap<>(FingerPosition.class);
        List<CaptureIssue> missingPosition = new ArrayList<>();
        for (FingerFeature f : features.fingers()) {
            if (f.position() == FingerPosition.UNKNOWN) {
                missingPosition.add(new CaptureIssue(f.field(), "finger", "POSITION_REQUIRED",
                        "Enrolled fingers need their position."));
            }
            fingers.put(f.position(), f.template());
        }
        if (!missingPosition.isEmpty()) {
            throw new UnusableCaptureException("A finger has no position.", missingPosition);
        }
        return new Subject(c.id(), c.agency(), c.lists(), c.referenceData(),
                features.face() == null ? null : features.face().vector(), fingers, enrolled, updated);
    }

    /** Audit detail: what was enrolled, never the templates. */
    private static String describe(Subject s) {
        return "lists=" + String.join(",", s.lists()) + " agency=" + s.agency() + " face="
                + (s.face() != null) + " fingers=" + s.fingers().keySet();
    }
}
