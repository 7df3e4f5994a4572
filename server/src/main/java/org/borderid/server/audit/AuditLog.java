package org.borderid.server.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.borderid.server.security.Principal;
import org.borderid.server.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log of a data folder: {@code audit/audit.jsonl} plus the head checkpoint
 * {@code audit/audit.head}.
 *
 * <p>{@link #append} returns only once the entry is on disk (fsync). Concurrent appenders share fsyncs (group
 * commit): each waits until a sync covering its entry has completed, so under load one fsync serves many entries.
 * The head checkpoint is updated after every sync ({@link AuditHead}).
 *
 * <p>{@link #open} verifies the whole chain and the checkpoint first and refuses a log that was edited, reordered or
 * truncated ({@link AuditLogException}, naming the first bad line): appending to a broken chain would launder the
 * damage. The one repair it makes is for a crash in the middle of a write: an incomplete last line that the
 * checkpoint does not cover (so it was never acknowledged) is moved to {@code audit.jsonl.torn-<time>} and cut off.
 *
 * <p>Entries carry key ids, actions, subject ids and outcomes only, never images, templates or embeddings.
 */
public final class AuditLog implements AutoCloseable {
    /** Folder of the log inside the data folder. */
    public static final String FOLDER = "audit";
    /** The log file's name. */
    public static final String FILE_NAME = "audit.jsonl";
    /** Most entries one {@link #read} returns. */
    public static final int MAX_PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path logFile;
    private final AuditHead.Writer headWriter;
    private final FileChannel channel;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    // Guarded by writeLock:
    private long[] offsets;
    private long writtenEnd;
    private long lastSeq;
    private String lastHash;
    private boolean failed;
    // Written under syncLock, read without it (syncedEnd is written first, durableHead second):
    private volatile long syncedEnd;
    private volatile AuditHead durableHead;

    private AuditLog(Path logFile, AuditHead.Writer headWriter, FileChannel channel, AuditScan.Result scan) {
        this.logFile = logFile;
        this.headWriter = headWriter;
        this.channel = channel;
        this.offsets = scan.offsets();
        this.writtenEnd = scan.goodBytes();
        this.lastSeq = scan.verification().headSeq();
        this.lastHash = scan.verification().headHash();
        this.syncedEnd = writtenEnd;
        this.durableHead = new AuditHead(lastSeq, lastHash);
    }

    /** Checks whether a data folder's audit log is intact, without changing anything. */
    public static AuditVerification verify(Path dataFolder) {
        Path dir = dataFolder.resolve(FOLDER);
        return AuditScan.scan(dir.resolve(FILE_NAME), dir.resolve(AuditHead.FILE_NAME)).verification();
    }

    /**
     * Opens (creating if needed) the audit log of a data folder, after verifying it.
     *
     * @throws AuditLogException if the chain or checkpoint is broken (the message names the first bad line), or on I/O
     */
    public static AuditLog open(Path dataFolder) {
        Path dir = dataFolder.resolve(FOLDER);
        Path log = dir.resolve(FILE_NAME);
        Path head = dir.resolve(AuditHead.FILE_NAME);
        try {
            Files.createDirectories(dir);
            AuditScan.Result scan = AuditScan.scan(log, head);
            AuditVerification v = scan.verification();
            if (!v.ok() && v.tornTail()) {
                moveTornTail(log, scan.goodBytes());
                scan = AuditScan.scan(log, head);
                v = scan.verification();
            }
            if (!v.ok()) {
                throw new AuditLogException("audit log " + log + " failed verification at line " + v.badLine() + ": "
                        + v.problem() + ". Investigate before starting (borderid audit verify); the server does not "
                        + "append to a broken chain.");
            }
            FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            ch.force(true);
            DurableFiles.syncDirectory(dir);
            AuditLog opened = new AuditLog(log, new AuditHead.Writer(head, new AuditHead(v.headSeq(), v.headHash())),
                    ch, scan);
            LOG.info("audit log {} verified: {} entries", log, v.entries());
            return opened;
        } catch (IOException e) {
            throw new AuditLogException("cannot open audit log " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends an entry and waits until it is durable.
     *
     * @param actor   who caused it (its key id is written, never the key)
     * @param action  what happened
     * @param subject the subject id, or empty
     * @param outcome the result
     * @param detail  extra context, or empty; never biometric data
     * @throws AuditLogException on I/O failure (the log then refuses further appends)
     */
    public AuditEntry append(Principal actor, AuditAction action, String subject, String outcome, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        AuditEntry entry;
        long end;
        synchronized (writeLock) {
            if (failed) {
                throw new AuditLogException("audit log " + logFile + " is unavailable after an earlier write error");
            }
            entry = AuditChain.seal(lastSeq + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    actor.keyId(), actor.role().id(), action.id(), nonNull(subject), nonNull(outcome),
                    nonNull(detail), lastHash);
            byte[] bytes = (AuditChain.line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long position = writtenEnd;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            } catch (IOException e) {
                failed = true;
                throw new AuditLogException("cannot write audit log " + logFile + ": " + e.getMessage(), e);
            }
            if (entry.seq() % AuditScan.INDEX_STRIDE == 0) {
                int slot = (int) (entry.seq() / AuditScan.INDEX_STRIDE);
                if (slot >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, Math.max(slot + 1, offsets.length * 2));
                }
                offsets[slot] = writtenEnd;
            }
            writtenEnd += bytes.length;
            lastSeq = entry.seq();
            lastHash = entry.hash();
            end = writtenEnd;
        }
        syncTo(end);
        return entry;
    }

    private void syncTo(long end) {
        synchronized (syncLock) {
            if (syncedEnd >= end) {
                return; // another appender's fsync covered this entry
            }
            long target;
            AuditHead head;
            synchronized (writeLock) {
                target = writtenEnd;
                head = new AuditHead(lastSeq, lastHash);
            }
            try {
                channel.force(false);
                headWriter.write(head);
            } catch (IOException e) {
                synchronized (writeLock) {
                    failed = true;
                }
                throw new AuditLogException("cannot sync audit log " + logFile + ": " + e.getMessage(), e);
            }
            syncedEnd = target;
            durableHead = head;
        }
    }

    /** The last durable entry's sequence number and hash. */
    public AuditHead head() {
        return durableHead;
    }

    /**
     * Up to {@code limit} durable entries starting at sequence number {@code fromSeq} (1-based), oldest first.
     *
     * @param limit 1..{@value #MAX_PAGE}
     */
    public List<AuditEntry> read(long fromSeq, int limit) {
        if (fromSeq < 1 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("fromSeq must be ≥ 1 and limit 1.." + MAX_PAGE);
        }
        long lastDurable = durableHead.seq();
        long bound = syncedEnd;
        List<AuditEntry> out = new ArrayList<>(Math.min(limit, 64));
        if (fromSeq > lastDurable) {
            return out;
        }
        long seq;
        long start;
        synchronized (writeLock) {
            int slot = (int) Math.min(fromSeq / AuditScan.INDEX_STRIDE, offsets.length - 1);
            while (slot > 0 && offsets[slot] == 0) {
                slot--;
            }
            seq = slot == 0 ? 1 : (long) slot * AuditScan.INDEX_STRIDE;
            start = slot == 0 ? 0 : offsets[slot];
        }
        try (FileChannel ch = FileChannel.open(logFile, StandardOpenOption.READ)) {
            ch.position(start);
            InputStream in = Channels.newInputStream(ch);
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new BoundedInputStream(in, bound - start), StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null && out.size() < limit; seq++) {
                if (seq >= fromSeq) {
                    out.add(AuditChain.parse(line));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new AuditLogException("cannot read audit log " + logFile + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            synchronized (syncLock) {
                synchronized (writeLock) {
                    failed = true;
                    channel.force(true);
                    channel.close();
                    headWriter.close();
                }
            }
        } catch (IOException e) {
            LOG.warn("closing audit log {}: {}", logFile, e.getMessage());
        }
    }

    private static void moveTornTail(Path log, long goodBytes) throws IOException {
        Path aside = log.resolveSibling(FILE_NAME + ".torn-" + Instant.now().toEpochMilli());
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size - goodBytes, AuditScan.MAX_LINE + 1L));
            ch.read(tail, goodBytes);
            Files.write(aside, Arrays.copyOf(tail.array(), tail.position()));
            ch.truncate(goodBytes);
            ch.force(true);
        }
        LOG.warn("audit log {}: an incomplete last line (a write interrupted by a crash, never acknowledged) was "
                + "moved to {}", log, aside);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Reads at most {@code remaining} bytes: entries past the last fsync are not served. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
