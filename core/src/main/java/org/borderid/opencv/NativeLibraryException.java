package org.borderid.opencv;

/** A native library the engines need (OpenCV and its dependencies) is missing or failed to load. */
public final class NativeLibraryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
