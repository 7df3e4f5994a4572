package org.borderid.server.service;

import org.borderid.BorderIdException;

/** Enrolling an id that is already enrolled (409). */
public final class SubjectExistsException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    public SubjectExistsException(String id) {
        super("subject '" + id + "' is already enrolled; replace it with PUT /v1/subjects/" + id);
    }
}
