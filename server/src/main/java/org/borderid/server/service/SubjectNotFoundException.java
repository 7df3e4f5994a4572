package org.borderid.server.service;

import org.borderid.BorderIdException;

/** An id that is not enrolled (404). */
public final class SubjectNotFoundException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    public SubjectNotFoundException(String id) {
        super("no subject '" + id + "'");
    }
}
