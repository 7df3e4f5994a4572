package org.borderid.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The head checkpoint: the sequence number and hash of the last entry known durable, kept next to the log so that
 * removing entries from the end of the log (which leaves a valid chain) is detected.
 *
 * <p>File layout: two slots of {@value #SLOT} bytes, each a JSON object
 * {@code {"format":"borderid-audit-head","version":1,"seq":N,"hash":"…","check":"…"}} padded with spaces and ended by
 * a newline; {@code check} is the SHA-256 of {@code "<seq>:<hash>"}. Writes alternate between the slots, in place,
 * so a write torn by a crash damages at most one slot; readers take the valid slot with the higher seq. The slots
 * are written after the log's fsync and are not fsync'd themselves (the OS flushes them): after a power loss the
 * checkpoint may lag the log by the last moments' entries, which verification accepts (a log longer than its
 * checkpoint), while a log shorter than its checkpoint is truncation. Auditors may also copy {@code seq} and
 * {@code hash} elsewhere (GET /v1/audit returns them) to anchor the chain outside this machine.
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
    /** Bytes per slot (a slot's JSON is about 230 bytes). */
    static final int SLOT = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the newest valid slot; empty if the file does not exist.
     *
     * @throws AuditLogException if the file exists but neither slot is valid
     */
    static Optional<AuditHead> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AuditLogException("cannot read audit head checkpoint " + file + ": " + e.getMessage(), e);
        }
        AuditHead best = null;
        for (int slot = 0; slot < 2; slot++) {
            if (bytes.length < (slot + 1) * SLOT) {
                continue;
            }
            AuditHead h = parse(Arrays.copyOfRange(bytes, slot * SLOT, (slot + 1) * SLOT));
            if (h != null && (best == null || h.seq() > best.seq())) {
                best = h;
            }
        }
        if (best == null || bytes.length != 2 * SLOT) {
            throw new AuditLogException("audit head checkpoint " + file + " is damaged or not a version " + VERSION
                    + " checkpoint");
        }
        return Optional.of(best);
    }

    private static AuditHead parse(byte[] slot) {
        try {
            JsonNode n = JSON.readTree(new String(slot, StandardCharsets.UTF_8).trim());
            if (n == null || !FORMAT.equals(n.path("format").asText()) || n.path("version").asInt() != VERSION) {
                return null;
            }
            AuditHead h = new AuditHead(n.path("seq").asLong(-1), n.path("hash").asText());
            return h.seq() >= 0 && check(h).equals(n.path("check").asText()) ? h : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String check(AuditHead h) {
        return AuditChain.sha256Hex(h.seq() + ":" + h.hash());
    }

    private byte[] slotBytes() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("seq", seq);
        n.put("hash", hash);
        n.put("check", check(this));
        byte[] json = n.toString().getBytes(StandardCharsets.UTF_8);
        byte[] slot = new byte[SLOT];
        Arrays.fill(slot, (byte) ' ');
        System.arraycopy(json, 0, slot, 0, json.length);
        slot[SLOT - 1] = '\n';
        return slot;
    }

    /** Writes checkpoints into the two slots alternately. Not thread-safe: the log calls it under its sync lock. */
    static final class Writer implements AutoCloseable {
        private final FileChannel channel;
        private int next;

        /** Opens the file, writing {@code initial} into both slots. */
        Writer(Path file, AuditHead initial) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            byte[] slot = initial.slotBytes();
            ByteBuffer both = ByteBuffer.allocate(2 * SLOT).put(slot).put(slot).flip();
            channel.truncate(0);
            while (both.hasRemaining()) {
                channel.write(both, both.position());
            }
            channel.force(true);
        }

        void write(AuditHead head) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(head.slotBytes());
            long position = (long) next * SLOT;
            while (b.hasRemaining()) {
                position += channel.write(b, position);
            }
            next ^= 1;
        }

        @Override
        public void close() throws IOException {
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
