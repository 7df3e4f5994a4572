package org.borderid.gallery;

import java.nio.file.Path;

/**
 * The gallery directory is open in another process or another {@link Gallery} of this process. A gallery has a single
 * writer; close the other one first. Nothing was changed.
 */
public final class GalleryLockedException extends GalleryException {
    private static final long serialVersionUID = 1L;

    public GalleryLockedException(Path directory, Throwable cause) {
        super("gallery " + directory + " is locked: it is open in another process or Gallery instance", cause);
    }
}
