package org.borderid.image;

import java.util.Objects;
import org.borderid.BorderIdException;

/** Encoded image bytes that cannot be decoded, or an image refused before decoding. */
public final class ImageFormatException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    /** Why the image was refused. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** Not one of the {@link ImageFormat}s (or not an image). */
        UNSUPPORTED_FORMAT,
        /** Recognised format, but the data is truncated or corrupt. */
        CORRUPT,
        /** The header declares dimensions beyond the {@link ImageLimits}; refused before decoding. */
        TOO_LARGE,
        /** Fewer pixels than the consumer can use. */
        TOO_SMALL,
        /** A parameter that comes with the image (resolution, raw dimensions) is out of range. */
        INVALID_PARAMETER
    }

    private final Reason reason;

    public ImageFormatException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public ImageFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
