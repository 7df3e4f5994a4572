package org.borderid.server.audit;

import java.util.Locale;

/** What an audit entry records. */
public enum AuditAction {
    /** A subject was enrolled (single or bulk import). */
    ENROLL,
    /** A subject's record was replaced. */
    REPLACE,
    /** A subject was deleted. */
    DELETE,
    /** A 1:N search returned this subject as a candidate above the threshold. */
    IDENTIFY_HIT,
    /** A bulk import job started; its detail names the job. */
    IMPORT_START,
    /** A bulk import job ended; its detail gives the counts. */
    IMPORT_END;

    /** The name written to the log ({@code identify-hit}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action of a log name. */
    public static AuditAction parse(String id) {
        for (AuditAction a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audit action '" + id + "'");
    }
}
