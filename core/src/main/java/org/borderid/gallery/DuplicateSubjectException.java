package org.borderid.gallery;

/** {@link Gallery#enroll} of an id the gallery already holds; use {@link Gallery#replace} to change a record. */
public final class DuplicateSubjectException extends GalleryException {
    private static final long serialVersionUID = 1L;

    private final String subjectId;

    public DuplicateSubjectException(String subjectId) {
        super("subject '" + subjectId + "' is already enrolled (use replace to change it)");
        this.subjectId = subjectId;
    }

    public String subjectId() {
        return subjectId;
    }
}
