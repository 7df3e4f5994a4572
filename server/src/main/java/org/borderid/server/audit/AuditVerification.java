package org.borderid.server.audit;

import java.util.Objects;

/**
 * The result of checking an audit log's hash chain and head checkpoint.
 *
 * @param ok          whether the log is intact
 * @param entries     entries read and verified before the first problem (all of them when ok)
 * @param headSeq     sequence number of the last good entry (0 for an empty log)
 * @param headHash    hash of the last good entry (64 zeros for an empty log)
 * @param badLine     1-based line number of the first problem, or 0 when ok
 * @param problem     what is wrong, or empty when ok
 * @param tornTail    whether the only problem is an incomplete final line the head checkpoint does not cover: what
 *                    a crash in the middle of a write leaves (the server moves it aside when it opens the log)
 */
public record AuditVerification(boolean ok, long entries, long headSeq, String headHash, long badLine,
        String problem, boolean tornTail) {
    public AuditVerification {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(problem, "problem");
    }
}
