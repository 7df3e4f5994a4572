package org.borderid.gallery;

/** {@link Gallery#get}, {@link Gallery#replace} or {@link Gallery#delete} of an id the gallery does not hold. */
public final class UnknownSubjectException extends GalleryException {
    private static final long serialVersionUID = 1L;

    private final String subjectId;

    public UnknownSubjectException(String subjectId) {
        super("no subject '" + subjectId + "' in the gallery");
        this.subjectId = subjectId;
    }

    public String subjectId() {
        return subjectId;
    }
}
