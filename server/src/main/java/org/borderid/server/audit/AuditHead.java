package org.borderid.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.borderid.server.storage.DurableFiles;

/**
 * The head checkpoint: the sequence number and hash of the last entry known durable, kept in a file next to the log
 * so that removing entries from the end of the log (which leaves a valid chain) is detected.
 *
 * <p>Format: JSON {@code {"format":"borderid-audit-head","version":1,"seq":N,"hash":"…","check":"…"}} where
 * {@code check} is the SHA-256 of {@code "<seq>:<hash>"} (catches a damaged file; not a secret). Auditors may copy
 * {@code seq} and {@code hash} elsewhere (GET /v1/audit returns them) to anchor the chain outside this machine.
 *
 * @param seq  last entry's sequence number (0: empty log)
 * @param hash last entry's hash (64 zeros: empty log)
 */
public record AuditHead(long seq, String hash) {
    /** The checkpoint file's name. */
    public static final String FILE_NAME = "audit.head";
    /** Format name. */
    public static final String FORMAT = "borderid-audit-head";
    /** Current format version. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the checkpoint; empty if the file does not exist. */
    static Optional<AuditHead> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AuditLogException("cannot read audit head checkpoint " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !FORMAT.equals(n.path("format").asText()) || n.path("version").asInt() != VERSION) {
                throw new AuditLogException(file + " is not a version " + VERSION + " audit head checkpoint");
            }
            AuditHead head = new AuditHead(n.path("seq").asLong(-1), n.path("hash").asText());
            if (head.seq() < 0 || !check(head).equals(n.path("check").asText())) {
                throw new AuditLogException(file + " is damaged: its check value does not match");
            }
            return Optional.of(head);
        } catch (IOException e) {
            throw new AuditLogException(file + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** Writes the checkpoint atomically. */
    void write(Path file) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("seq", seq);
        n.put("hash", hash);
        n.put("check", check(this));
        DurableFiles.writeAtomically(file, JSON.writeValueAsBytes(n), false);
    }

    private static String check(AuditHead h) {
        return AuditChain.sha256Hex(h.seq() + ":" + h.hash());
    }
}
