package org.borderid.finger.standard;

/** The two finger minutiae record standards BorderID reads and writes. Layouts: {@code docs/templates.md}. */
public enum RecordFormat {
    /**
     * ISO/IEC 19794-2:2005: 4-byte record length, no product identifier, minutia angle in units of 360/256 degrees
     * (1.40625°).
     */
    ISO_19794_2_2005,
    /**
     * ANSI INCITS 378-2004: 2-byte record length (6 bytes above 65,535), a CBEFF product identifier, minutia angle in
     * units of 2 degrees (0..179).
     */
    ANSI_378_2004
}
