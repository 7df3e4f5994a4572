package org.borderid.gallery;

/**
 * The gallery was written by a newer (or unknown) format version than this software reads. Refused before anything is
 * read or written, so the data stays intact for the newer software.
 */
public final class GalleryVersionException extends GalleryException {
    private static final long serialVersionUID = 1L;

    private final int foundVersion;
    private final int supportedVersion;

    public GalleryVersionException(String message, int foundVersion, int supportedVersion) {
        super(message);
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
    }

    /** The format version found on disk. */
    public int foundVersion() {
        return foundVersion;
    }

    /** The newest format version this software reads and writes. */
    public int supportedVersion() {
        return supportedVersion;
    }
}
