package org.borderid.server.security;

import org.borderid.BorderIdException;

/** The API key file cannot be read or written: I/O error, damaged (checksum) or of an unknown format version. */
public final class ApiKeyFileException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    public ApiKeyFileException(String message) {
        super(message);
    }

    public ApiKeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
