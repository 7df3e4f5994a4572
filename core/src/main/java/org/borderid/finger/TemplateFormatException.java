package org.borderid.finger;

import java.util.Objects;
import org.borderid.BorderIdException;

/** Bytes that are not a readable BorderID fingerprint template ({@link FingerprintTemplate#fromByteArray}). */
public final class TemplateFormatException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    /** Why the bytes were refused. */
    public enum Reason {
        /** Not a BorderID fingerprint template: the magic number is missing (includes empty input). */
        NOT_A_TEMPLATE,
        /** A template written by a newer format version than this reader knows. */
        UNSUPPORTED_VERSION,
        /** The data ends before the template does. */
        TRUNCATED,
        /** The CRC-32C footer does not match the content: the bytes were altered. */
        CHECKSUM_MISMATCH,
        /** Intact checksum but impossible content: a version 0, a length that disagrees with the count, a value out of range. */
        CORRUPT
    }

    private final Reason reason;

    public TemplateFormatException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
