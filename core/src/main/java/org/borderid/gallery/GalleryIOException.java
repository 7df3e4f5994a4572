package org.borderid.gallery;

import java.io.IOException;

/**
 * The gallery could not read or write its files (disk full, permissions, a failed fsync). After a failed write the
 * gallery refuses further writes until it is reopened: the journal on disk is the truth, and reopening replays it.
 */
public final class GalleryIOException extends GalleryException {
    private static final long serialVersionUID = 1L;

    public GalleryIOException(String message, IOException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public GalleryIOException(String message) {
        super(message);
    }
}
