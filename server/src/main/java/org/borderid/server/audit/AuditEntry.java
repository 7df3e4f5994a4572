package org.borderid.server.audit;

import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param seq     position in the log, 1, 2, 3, ... without gaps
 * @param time    when it was written (ISO-8601 UTC)
 * @param actor   the API key id that caused it (never the key), or {@code system}
 * @param role    that key's role
 * @param action  what happened ({@link AuditAction#id()})
 * @param subject the subject id concerned, or empty
 * @param outcome the result, e.g. {@code ok} or {@code rank=1 fmr=3.2e-07}
 * @param detail  extra context (job id, list), never biometric data; may be empty
 * @param prev    the previous entry's hash (64 zeros for the first)
 * @param hash    SHA-256 of this entry's canonical JSON without the hash field, hex
 */
public record AuditEntry(long seq, String time, String actor, String role, String action, String subject,
        String outcome, String detail, String prev, String hash) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }
}
