package org.borderid.server.service;

/** The outcome of a 1:1 verification. */
public enum Decision {
    /** The captures match the reference at the target false match rate. */
    MATCH,
    /** They do not. */
    NO_MATCH,
    /** No safe decision: captures too poor, nothing comparable, or modalities disagree. Refer to an officer or retry. */
    INCONCLUSIVE
}
