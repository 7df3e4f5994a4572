package org.borderid.gallery.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.borderid.gallery.GalleryCorruptedException;
import org.borderid.gallery.GalleryIOException;

/**
 * The write-ahead journal: every acknowledged change is here, fsynced, before the index has it durably.
 *
 * <p>The journal is a sequence of segment files {@code journal-<first seq, 20 digits>.wal} in one directory. Each
 * starts with a header and holds frames; a frame is one group commit (all the changes one fsync made durable),
 * big-endian:
 *
 * <pre>
 * segment header: magic "BIDJ", u16 version ({@value #VERSION}), u16 0, u64 first seq, u32 CRC-32C of those 16 bytes
 * frame:          u32 payload length, u32 CRC-32C of the payload, payload
 * payload:        u32 entry count, then per entry: u64 seq, u8 op, u32 length, bytes
 * </pre>
 *
 * <p>Recovery. Frames are appended by one thread, each written and fsynced before the next is written, so after a
 * crash only the last frame of the last segment can be incomplete, and none of its changes was acknowledged. Replay
 * therefore drops an invalid tail of the last segment (logged, and kept aside as {@code .torn} for inspection), but only
 * when no intact frame follows it: an intact frame after a damaged one means acknowledged data was damaged at rest,
 * and replay stops with {@link GalleryCorruptedException} rather than skip it. Damage anywhere in an earlier segment is
 * likewise corruption.
 *
 * <p>Segments rotate at {@link #SEGMENT_BYTES}; a segment is deleted once the index commit covers all its entries.
 * Not thread-safe: one writer thread appends; {@link #deleteCoveredSegments} may run concurrently (it synchronizes).
 */
public final class Journal implements AutoCloseable {
    /** Journal format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    /**
     * Segment size at which a new segment starts, bytes (64 MiB): about 200,000 single-finger enrolments. Bounds the
     * work a replay may repeat for entries the last commit already covers.
     */
    public static final long SEGMENT_BYTES = 64L << 20;
    /** Largest frame accepted on replay, bytes: guards against allocating for a damaged length. */
    static final int MAX_FRAME_BYTES = 256 << 20;

    private static final int MAGIC = 0x4249444A; // "BIDJ"
    private static final int HEADER = 20;
    private static final int FRAME_HEADER = 8;
    private static final int ENTRY_HEADER = 13;
    private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.wal");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Journal.class);

    private final Path directory;
    /** Segment files by first seq. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel current;
    private long currentFirstSeq;
    private long currentSize;

    private Journal(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens (creating if needed) the journal in {@code directory} and replays it: every entry with a seq above
     * {@code committedSeq} goes to {@code apply}, in order.
     *
     * @return the opened journal, positioned to append after the last intact entry
     * @throws GalleryCorruptedException when acknowledged entries are damaged, or seqs are out of order
     */
    public static Journal openAndReplay(Path directory, long committedSeq, Consumer<JournalEntry> apply,
                                        ReplayStats stats) {
        Journal journal = new Journal(directory);
        try {
            Files.createDirectories(directory);
            journal.scan();
            long last = committedSeq;
            List<Long> firsts = new ArrayList<>(journal.segments.keySet());
            for (int i = 0; i < firsts.size(); i++) {
                boolean isLast = i == firsts.size() - 1;
                last = journal.replaySegment(journal.segments.get(firsts.get(i)), isLast, committedSeq, last, apply,
                        stats);
            }
            stats.lastSeq = last;
            return journal;
        } catch (IOException e) {
            throw new GalleryIOException("cannot read journal " + directory, e);
        }
    }

    /** What a replay found. */
    public static final class ReplayStats {
        /** Entries applied (seq above the committed one). */
        public long replayed;
        /** Bytes of an incomplete last frame dropped. */
        public long tornBytes;
        /** Highest seq seen in the journal, or the committed seq if higher. */
        public long lastSeq;
    }

    /** Starts a new segment whose first entry will be {@code nextSeq}; call once after replay. */
    public void start(long nextSeq) {
        try {
            if (current != null) {
                current.close();
            }
            startSegment(nextSeq);
        } catch (IOException e) {
            throw new GalleryIOException("cannot create a journal segment in " + directory, e);
        }
    }

    /**
     * Appends one frame holding the entries and fsyncs it. Returns when the entries are durable.
     *
     * @throws IOException when writing or syncing fails; the journal is then unusable
     */
    public void append(List<JournalEntry> entries) throws IOException {
        int payload = 4;
        for (JournalEntry e : entries) {
            payload += ENTRY_HEADER + e.payload().length;
        }
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + payload);
        frame.position(FRAME_HEADER);
        frame.putInt(entries.size());
        for (JournalEntry e : entries) {
            frame.putLong(e.seq());
            frame.put((byte) e.op().code);
            frame.putInt(e.payload().length);
            frame.put(e.payload());
        }
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), FRAME_HEADER, payload);
        frame.putInt(0, payload);
        frame.putInt(4, (int) crc.getValue());
        frame.position(0);
        if (currentSize >= SEGMENT_BYTES) {
            rotate(entries.get(0).seq());
        }
        while (frame.hasRemaining()) {
            current.write(frame);
        }
        current.force(false);
        currentSize += frame.capacity();
    }

    /**
     * Deletes the closed segments whose entries the index commit at {@code committedSeq} covers: a segment is covered
     * when the next segment starts at or below {@code committedSeq + 1}.
     */
    public synchronized void deleteCoveredSegments(long committedSeq) throws IOException {
        List<Long> firsts = new ArrayList<>(segments.keySet());
        boolean deleted = false;
        for (int i = 0; i + 1 < firsts.size(); i++) {
            if (firsts.get(i + 1) <= committedSeq + 1 && firsts.get(i) != currentFirstSeq) {
                Files.deleteIfExists(segments.remove(firsts.get(i)));
                deleted = true;
            }
        }
        if (deleted) {
            Fsync.directory(directory);
        }
    }

    /** Number of segment files, for tests and diagnostics. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private synchronized void rotate(long nextSeq) throws IOException {
        current.close();
        startSegment(nextSeq);
    }

    private synchronized void startSegment(long firstSeq) throws IOException {
        Path file = directory.resolve(String.format(Locale.ROOT, "journal-%020d.wal", firstSeq));
        if (segments.containsKey(firstSeq)) {
            // An empty or torn-away segment with this first seq from before: start it afresh.
            Files.deleteIfExists(file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.putInt(MAGIC);
        header.putShort((short) VERSION);
        header.putShort((short) 0);
        header.putLong(firstSeq);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, HEADER - 4);
        header.putInt((int) crc.getValue());
        header.flip();
        while (header.hasRemaining()) {
            channel.write(header);
        }
        channel.force(true);
        Fsync.directory(directory);
        segments.put(firstSeq, file);
        current = channel;
        currentFirstSeq = firstSeq;
        currentSize = HEADER;
    }

    private void scan() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "journal-*.wal")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    segments.put(Long.parseLong(m.group(1)), file);
                }
            }
        }
    }

    /** Replays one segment and returns the highest seq seen. */
    private long replaySegment(Path file, boolean isLast, long committedSeq, long lastSeq,
                               Consumer<JournalEntry> apply, ReplayStats stats) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (!validHeader(bytes)) {
            if (isLast && bytes.length <= HEADER) {
                // Crashed while creating the segment: it holds nothing.
                dropTail(file, bytes, 0, stats);
                Files.deleteIfExists(file);
                segments.values().remove(file);
                return lastSeq;
            }
            throw new GalleryCorruptedException("journal segment " + file + " has a damaged header");
        }
        long seq = lastSeq;
        int position = HEADER;
        while (position < bytes.length) {
            int length = frameLength(bytes, position);
            if (length < 0) {
                if (isLast && !intactFrameAfter(bytes, position + 1)) {
                    dropTail(file, bytes, position, stats);
                    return seq;
                }
                throw new GalleryCorruptedException("journal segment " + file + " is damaged at byte " + position
                        + " and intact changes follow: acknowledged data was altered on disk");
            }
            in.position(position + FRAME_HEADER);
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                long entrySeq = in.getLong();
                JournalEntry.Op op = JournalEntry.Op.ofCode(in.get());
                byte[] payload = new byte[in.getInt()];
                in.get(payload);
                if (op == null || entrySeq <= seq && entrySeq > committedSeq) {
                    throw new GalleryCorruptedException("journal segment " + file + " has an entry out of order or"
                            + " of an unknown kind at byte " + position);
                }
                seq = Math.max(seq, entrySeq);
                if (entrySeq > committedSeq) {
                    apply.accept(new JournalEntry(entrySeq, op, payload));
                    stats.replayed++;
                }
            }
            position += FRAME_HEADER + length;
        }
        return seq;
    }

    private static boolean validHeader(byte[] bytes) {
        if (bytes.length < HEADER) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != MAGIC) {
            return false;
        }
        int version = Short.toUnsignedInt(in.getShort());
        if (version == 0 || version > VERSION) {
            throw new GalleryCorruptedException("journal format version " + version + " is not readable by this"
                    + " software (reads 1.." + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, HEADER - 4);
        return (int) crc.getValue() == in.getInt(HEADER - 4);
    }

    /**
     * The payload length of an intact frame at {@code position} (length plausible, fully present, CRC matching, entry
     * structure consistent), or −1.
     */
    static int frameLength(byte[] bytes, int position) {
        if (bytes.length - position < FRAME_HEADER) {
            return -1;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int length = in.getInt(position);
        if (length < 4 || length > MAX_FRAME_BYTES || length > bytes.length - position - FRAME_HEADER) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, position + FRAME_HEADER, length);
        if ((int) crc.getValue() != in.getInt(position + 4)) {
            return -1;
        }
        // Structure: the entries must fill the payload exactly.
        int at = position + FRAME_HEADER;
        int end = at + length;
        int count = in.getInt(at);
        at += 4;
        for (int i = 0; i < count; i++) {
            if (end - at < ENTRY_HEADER) {
                return -1;
            }
            int size = in.getInt(at + 9);
            if (size < 0 || size > end - at - ENTRY_HEADER) {
                return -1;
            }
            at += ENTRY_HEADER + size;
        }
        return at == end && count > 0 ? length : -1;
    }

    /** Whether an intact frame starts anywhere at or after {@code from}. */
    private static boolean intactFrameAfter(byte[] bytes, int from) {
        for (int p = from; p + FRAME_HEADER <= bytes.length; p++) {
            if (frameLength(bytes, p) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Truncates the segment at {@code position}, keeping the dropped bytes in a {@code .torn} file. */
    private void dropTail(Path file, byte[] bytes, int position, ReplayStats stats) throws IOException {
        int dropped = bytes.length - position;
        if (dropped == 0) {
            return;
        }
        Path torn = file.resolveSibling(file.getFileName() + "." + System.currentTimeMillis() + ".torn");
        Files.write(torn, java.util.Arrays.copyOfRange(bytes, position, bytes.length));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(position);
            channel.force(true);
        }
        stats.tornBytes += dropped;
        LOG.warn("journal {}: dropped an incomplete last write of {} bytes (never acknowledged), kept as {}",
                file.getFileName(), dropped, torn.getFileName());
    }
}
