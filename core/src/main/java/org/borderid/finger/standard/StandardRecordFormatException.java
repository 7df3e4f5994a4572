package org.borderid.finger.standard;

import java.util.Objects;
import org.borderid.BorderIdException;

/** Bytes that are not a readable ISO/IEC 19794-2:2005 or ANSI INCITS 378-2004 finger minutiae record. */
public final class StandardRecordFormatException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    /** Why the record was refused. */
    public enum Reason {
        /** No bytes, or not a finger minutiae record at all (the format identifier is not "FMR"). */
        NOT_A_RECORD,
        /** A finger minutiae record of a version this reader does not read (only " 20", the 2004/2005 editions). */
        UNSUPPORTED_VERSION,
        /** The data ends before the record does (declared length or contents run past the end). */
        TRUNCATED,
        /** Fields out of range or inconsistent with each other (a length that lies, a count beyond the data). */
        CORRUPT
    }

    private final Reason reason;

    public StandardRecordFormatException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
