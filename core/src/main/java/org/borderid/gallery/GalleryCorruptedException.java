package org.borderid.gallery;

/**
 * Stored gallery data failed a check: a manifest, journal frame, index file or stored record whose checksum or
 * structure is wrong. The message says which file or subject; the gallery refuses to guess, so nothing is silently
 * skipped or overwritten.
 */
public final class GalleryCorruptedException extends GalleryException {
    private static final long serialVersionUID = 1L;

    public GalleryCorruptedException(String message) {
        super(message);
    }

    public GalleryCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
