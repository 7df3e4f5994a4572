package org.borderid.server.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a whole audit log once, checking every line, the chain and the head checkpoint. Used by the verifier and when
 * the log opens (which also needs the byte offsets it collects).
 */
final class AuditScan {
    /** An offset is kept for every entry whose seq is a multiple of this (sparse index for paged reads). */
    static final int INDEX_STRIDE = 64;
    /** Longest line accepted, bytes (entries are a few hundred bytes; a longer line is damage, not data). */
    static final int MAX_LINE = 64 * 1024;

    /** The verification, plus where the good part of the log ends and the sparse offsets. */
    record Result(AuditVerification verification, long goodBytes, long[] offsets, Optional<AuditHead> head) {}

    private AuditScan() {}

    static Result scan(Path log, Path headFile) {
        Optional<AuditHead> head = AuditHead.read(headFile);
        long[] offsets = new long[16];
        long entries = 0;
        String prevHash = AuditChain.GENESIS;
        String hashAtHead = head.isPresent() && head.get().seq() == 0 ? AuditChain.GENESIS : null;
        long offset = 0;
        long lineNo = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            while (true) {
                int b = in.read();
                if (b == -1) {
                    if (line.size() > 0) { // final line without newline: torn write or truncation inside a line
                        lineNo++;
                        boolean coveredByHead = head.isPresent() && head.get().seq() > entries;
                        return new Result(fail(entries, prevHash, lineNo, coveredByHead
                                ? "line " + lineNo + " is incomplete (truncated inside the line)"
                                : "line " + lineNo + " is incomplete: a write interrupted by a crash, or truncation",
                                !coveredByHead), offset, trim(offsets, entries), head);
                    }
                    break;
                }
                if (b != '\n') {
                    if (line.size() >= MAX_LINE) {
                        return new Result(fail(entries, prevHash, lineNo + 1, "line " + (lineNo + 1)
                                + " is longer than " + MAX_LINE + " bytes", false), offset, trim(offsets, entries),
                                head);
                    }
                    line.write(b);
                    continue;
                }
                lineNo++;
                byte[] bytes = line.toByteArray();
                line.reset();
                String problem = null;
                AuditEntry e = null;
                try {
                    e = AuditChain.parse(utf8(bytes));
                    if (e.seq() != entries + 1) {
                        problem = "has seq " + e.seq() + " where " + (entries + 1)
                                + " was expected (entries removed or reordered)";
                    } else if (!e.prev().equals(prevHash)) {
                        problem = "does not chain to the line before it (an entry before it was removed, "
                                + "reordered or edited)";
                    }
                } catch (IllegalArgumentException ex) {
                    problem = ex.getMessage();
                }
                if (problem != null) {
                    return new Result(fail(entries, prevHash, lineNo, "line " + lineNo + " " + problem, false),
                            offset, trim(offsets, entries), head);
                }
                if (e.seq() % INDEX_STRIDE == 0) {
                    int slot = (int) (e.seq() / INDEX_STRIDE);
                    if (slot >= offsets.length) {
                        offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    }
                    offsets[slot] = offset;
                }
                offset += bytes.length + 1;
                entries = e.seq();
                prevHash = e.hash();
                if (head.isPresent() && head.get().seq() == entries) {
                    hashAtHead = prevHash;
                }
            }
        } catch (NoSuchFileException e) {
            // No log yet: only valid if the checkpoint says the log is empty too.
        } catch (IOException e) {
            throw new AuditLogException("cannot read audit log " + log + ": " + e.getMessage(), e);
        }
        long[] index = trim(offsets, entries);
        if (head.isEmpty()) {
            if (entries > 0) {
                return new Result(fail(entries, prevHash, entries + 1, "the head checkpoint " + headFile.getFileName()
                        + " is missing; the end of the log cannot be vouched for", false), offset, index, head);
            }
        } else if (head.get().seq() > entries) {
            return new Result(fail(entries, prevHash, entries + 1, "the log ends at entry " + entries
                    + " but the head checkpoint records entry " + head.get().seq() + ": entries " + (entries + 1)
                    + ".." + head.get().seq() + " were removed", false), offset, index, head);
        } else if (!head.get().hash().equals(hashAtHead)) {
            return new Result(fail(entries, prevHash, head.get().seq(), "line " + head.get().seq()
                    + " does not match the head checkpoint's hash (edited and re-chained?)", false), offset, index,
                    head);
        }
        return new Result(new AuditVerification(true, entries, entries, prevHash, 0, "", false), offset, index, head);
    }

    private static AuditVerification fail(long entries, String prevHash, long line, String problem, boolean torn) {
        return new AuditVerification(false, entries, entries, prevHash, line, problem, torn);
    }

    private static long[] trim(long[] offsets, long entries) {
        return Arrays.copyOf(offsets, (int) (entries / INDEX_STRIDE) + 1);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not valid UTF-8");
        }
    }
}
