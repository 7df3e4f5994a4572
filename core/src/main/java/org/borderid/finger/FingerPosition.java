package org.borderid.finger;

/** Finger positions with their ISO/IEC 19794-2 and ANSI INCITS 378 codes (0..10). */
public enum FingerPosition {
    UNKNOWN(0),
    RIGHT_THUMB(1),
    RIGHT_INDEX(2),
    RIGHT_MIDDLE(3),
    RIGHT_RING(4),
    RIGHT_LITTLE(5),
    LEFT_THUMB(6),
    LEFT_INDEX(7),
    LEFT_MIDDLE(8),
    LEFT_RING(9),
    LEFT_LITTLE(10);

    private final int code;

    FingerPosition(int code) {
        this.code = code;
    }

    /** The standard's numeric code. */
    public int code() {
        return code;
    }

    /** The position for a standard code 0..10. */
    public static FingerPosition ofCode(int code) {
        if (code < 0 || code > 10) {
            throw new IllegalArgumentException("unknown finger position code " + code + " (expected 0..10)");
        }
        return values()[code];
    }
}
