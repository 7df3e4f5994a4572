package org.borderid.finger;

/** Minutia types, as in ISO/IEC 19794-2 and ANSI INCITS 378. */
public enum MinutiaType {
    /** A ridge ends. */
    ENDING,
    /** A ridge splits in two. */
    BIFURCATION,
    /** Any other type (ISO/ANSI type code 00); read from standard records, never produced by the extractor. */
    OTHER
}
