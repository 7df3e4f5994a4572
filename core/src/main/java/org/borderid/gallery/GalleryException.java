package org.borderid.gallery;

import org.borderid.BorderIdException;

/**
 * Base of the gallery's typed errors. Expected outcomes (no candidate, an empty page) are results, never exceptions.
 * Messages name subject ids and files, never biometric data.
 */
public abstract class GalleryException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    protected GalleryException(String message) {
        super(message);
    }

    protected GalleryException(String message, Throwable cause) {
        super(message, cause);
    }
}
