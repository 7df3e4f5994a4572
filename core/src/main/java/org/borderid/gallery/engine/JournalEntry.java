package org.borderid.gallery.engine;

import java.util.Objects;

/**
 * One change in the write-ahead journal.
 *
 * @param seq     the change's sequence number, strictly increasing over the gallery's life
 * @param op      what changed
 * @param payload the record's stored bytes ({@link RecordCodec}) for enrol and replace, the id in UTF-8 for delete
 */
public record JournalEntry(long seq, Op op, byte[] payload) {
    /** Kinds of change. The codes are stored; never renumber them. */
    public enum Op {
        ENROLL(1),
        REPLACE(2),
        DELETE(3);

        final int code;

        Op(int code) {
            this.code = code;
        }

        static Op ofCode(int code) {
            for (Op op : values()) {
                if (op.code == code) {
                    return op;
                }
            }
            return null;
        }
    }

    public JournalEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
        }
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(payload, "payload");
    }
}
