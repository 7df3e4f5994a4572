package org.borderid.gallery.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.borderid.gallery.DuplicateSubjectException;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.GalleryCorruptedException;
import org.borderid.gallery.GalleryException;
import org.borderid.gallery.GalleryIOException;
import org.borderid.gallery.GalleryLockedException;
import org.borderid.gallery.GalleryVersionException;
import org.borderid.gallery.InvalidRecordException;
import org.borderid.gallery.SubjectRecord;
import org.borderid.gallery.UnknownSubjectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gallery's storage engine: the Lucene index, the write-ahead journal, and the threads that keep them in step.
 *
 * <p>Write path. A change is validated and turned into Lucene documents in the caller's thread, then admitted under a
 * short lock (existence check, sequence number, pending overlay) and queued. One journal thread takes every queued
 * change, appends them as one frame and fsyncs it (group commit: concurrent callers share the fsync), applies them to
 * the {@link IndexWriter} in sequence order, and only then completes the callers' futures: an acknowledged change is
 * durable. A refresh thread reopens the near-real-time searcher every {@link GalleryConfig#refreshInterval()}, so a
 * change is searchable within that interval of its acknowledgement; until then the pending overlay answers
 * {@code get}, existence checks, listing and counting, and hides deleted subjects from search results. A commit
 * thread commits the index every {@link GalleryConfig#commitInterval()} with the last applied sequence number in the
 * commit's user data and deletes the journal segments the commit covers. Opening replays the journal entries above
 * the last commit's sequence number.
 */
public final class GalleryStore implements AutoCloseable {
    /** Commit user-data key holding the highest journal seq the commit contains. */
    static final String COMMIT_SEQ = "borderid.journal.seq";
    /** Most changes in one journal frame (one fsync). */
    static final int MAX_GROUP = 4096;
    /**
     * Lucene's indexing buffer, MiB: an eighth of the heap, 64..1,024. A maximum, filled only between two refreshes
     * (a refresh writes the buffered documents as a segment): with the default 100 ms refresh it holds a few records,
     * during a bulk load with a long refresh interval it decides the segment size. Lucene 10 builds a segment's HNSW
     * graph when the segment is written, and every merge re-inserts the vectors of all but its largest input into one
     * graph; profiled on a 100,000-face bulk load with the former 64 MiB and 5 s refresh (docs/gallery.md,
     * "Enrollment rate"), 72% of the CPU went to merges re-building graphs, so larger segments load faster.
     */
    static final int INDEX_BUFFER_MB = (int) Math.max(64, Math.min(1024, Runtime.getRuntime().maxMemory() / 8 >> 20));
    /** Threads indexing a batch of distinct subjects: one per core (Lucene indexes concurrently per thread). */
    static final int APPLY_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final Logger LOG = LoggerFactory.getLogger(GalleryStore.class);

    private final Path directory;
    private final GalleryConfig config;
    private final Manifest manifest;
    private final boolean readOnly;
    private final GalleryLock lock;
    private final Directory index;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Journal journal;
    private final DocumentFactory documents;

    /** Changes admitted but maybe not yet visible to the searcher, by subject id: a record, or null for deleted. */
    private final ConcurrentHashMap<String, Pending> overlay = new ConcurrentHashMap<>();
    private final ReentrantLock admission = new ReentrantLock();
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private long nextSeq; // guarded by admission
    private volatile long appliedSeq;
    private volatile long visibleSeq;
    private volatile long committedSeq;
    private volatile GalleryException failure;
    private volatile boolean closing;
    private final Thread journalThread;
    private final ScheduledExecutorService refresher;
    private final ScheduledExecutorService committer;
    private final java.util.concurrent.ExecutorService appliers;
    private final Object refreshLock = new Object();

    /** A change not yet visible in the searcher: the new record, or {@code null} when deleted. */
    private record Pending(long seq, SubjectRecord record) {}

    /** A queued change. */
    private record Write(JournalEntry entry, String id, List<Document> block, CompletableFuture<Void> done) {}

    /** Builds the Lucene documents of a record (the minutiae hashing lives with the fingerprint search). */
    @FunctionalInterface
    public interface DocumentFactory {
        List<Document> block(SubjectRecord record, byte[] recordBytes);
    }

    private GalleryStore(Path directory, GalleryConfig config, Manifest manifest, boolean readOnly, GalleryLock lock,
                         Directory index, IndexWriter writer, SearcherManager searchers, Journal journal,
                         DocumentFactory documents, long lastSeq, long committedSeq) {
        this.directory = directory;
        this.config = config;
        this.manifest = manifest;
        this.readOnly = readOnly;
        this.lock = lock;
        this.index = index;
        this.writer = writer;
        this.searchers = searchers;
        this.journal = journal;
        this.documents = documents;
        this.nextSeq = lastSeq + 1;
        this.appliedSeq = lastSeq;
        this.visibleSeq = lastSeq;
        this.committedSeq = committedSeq;
        long refreshMillis = Math.max(1, config.refreshInterval().toMillis());
        this.refresher = Executors.newSingleThreadScheduledExecutor(daemon("borderid-gallery-refresh"));
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        if (readOnly) {
            this.journalThread = null;
            this.committer = null;
            this.appliers = null;
        } else {
            this.appliers = Executors.newFixedThreadPool(APPLY_THREADS, daemon("borderid-gallery-index"));
            this.journalThread = daemon("borderid-gallery-journal").newThread(this::journalLoop);
            journalThread.start();
            long commitMillis = config.commitInterval().toMillis();
            this.committer = Executors.newSingleThreadScheduledExecutor(daemon("borderid-gallery-commit"));
            committer.scheduleWithFixedDelay(this::commitQuietly, commitMillis, commitMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens or creates the gallery in {@code directory}.
     *
     * @throws GalleryVersionException   for a newer format (checked before anything else is read)
     * @throws GalleryLockedException    when another process or instance has it open for writing
     * @throws GalleryCorruptedException when the manifest, index or journal is damaged, or the directory is not a
     *                                   gallery
     * @throws GalleryIOException        for I/O failures
     */
    public static GalleryStore open(Path directory, GalleryConfig config, DocumentFactory documents) {
        Manifest manifest = openManifest(directory, config);
        if (manifest.faceDimension() != config.faceDimension() || manifest.faceEncoding() != config.faceEncoding()) {
            throw new IllegalArgumentException("gallery " + directory + " was created for " + manifest.faceDimension()
                    + "-d " + manifest.faceEncoding() + " face vectors; the configuration asks for "
                    + config.faceDimension() + "-d " + config.faceEncoding() + " (these are fixed at creation)");
        }
        if (manifest.hashScheme() != CylinderHashes.SCHEME) {
            throw new GalleryVersionException("gallery " + directory + " uses minutiae hash scheme "
                    + manifest.hashScheme() + "; this software uses " + CylinderHashes.SCHEME + " (re-enrol)",
                    manifest.version(), Manifest.CURRENT_VERSION);
        }
        boolean readOnly = config.readOnly() || manifest.version() < Manifest.CURRENT_VERSION;
        GalleryLock lock = readOnly ? null : GalleryLock.acquire(directory);
        Directory index = null;
        IndexWriter writer = null;
        Journal journal = null;
        try {
            index = FSDirectory.open(directory.resolve("index"));
            if (readOnly) {
                SearcherManager searchers = new SearcherManager(DirectoryReader.open(index), null);
                return new GalleryStore(directory, config, manifest, true, null, index, null, searchers, null,
                        documents, 0, 0);
            }
            boolean exists = DirectoryReader.indexExists(index);
            if (!exists && Files.isDirectory(directory.resolve("journal")) && hasFiles(directory.resolve("journal"))) {
                throw new GalleryCorruptedException("gallery " + directory + " has a journal but no index: the index"
                        + " directory was removed or damaged");
            }
            IndexWriterConfig iwc = new IndexWriterConfig()
                    .setCodec(new GalleryCodec(manifest.faceEncoding()))
                    .setOpenMode(exists ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(INDEX_BUFFER_MB)
                    // No waiting for merges on reopen (Lucene's default waits up to 500 ms): it would stretch the
                    // time until an acknowledged change is searchable.
                    .setMaxFullFlushMergeWaitMillis(0)
                    .setCommitOnClose(false);
            writer = new IndexWriter(index, iwc);
            long committedSeq = commitSeq(writer);
            Journal.ReplayStats stats = new Journal.ReplayStats();
            IndexWriter w = writer;
            journal = Journal.openAndReplay(directory.resolve("journal"), committedSeq,
                    entry -> apply(w, entry, documents), stats);
            long lastSeq = Math.max(stats.lastSeq, committedSeq);
            if (stats.replayed > 0 || !exists) {
                w.setLiveCommitData(Map.of(COMMIT_SEQ, Long.toString(lastSeq)).entrySet());
                w.commit();
                committedSeq = lastSeq;
                journal.deleteCoveredSegments(committedSeq);
            }
            if (stats.replayed > 0) {
                LOG.info("gallery {}: replayed {} journal entries up to seq {}", directory, stats.replayed, lastSeq);
            }
            journal.start(lastSeq + 1);
            journal.deleteCoveredSegments(committedSeq);
            SearcherManager searchers = new SearcherManager(writer, true, false, null);
            return new GalleryStore(directory, config, manifest, false, lock, index, writer, searchers, journal,
                    documents, lastSeq, committedSeq);
        } catch (LockObtainFailedException e) {
            closeAll(journal, writer, index, lock);
            throw new GalleryLockedException(directory, e);
        } catch (IndexFormatTooNewException e) {
            closeAll(journal, writer, index, lock);
            throw new GalleryVersionException("gallery index " + directory + " was written by a newer Lucene: "
                    + e.getMessage(), manifest.version(), Manifest.CURRENT_VERSION);
        } catch (IndexFormatTooOldException e) {
            closeAll(journal, writer, index, lock);
            throw new GalleryVersionException("gallery index " + directory + " is too old for this Lucene: "
                    + e.getMessage(), manifest.version(), Manifest.CURRENT_VERSION);
        } catch (CorruptIndexException | java.io.EOFException e) {
            closeAll(journal, writer, index, lock);
            throw new GalleryCorruptedException("gallery index " + directory + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            closeAll(journal, writer, index, lock);
            throw new GalleryIOException("cannot open gallery " + directory, e);
        } catch (java.io.UncheckedIOException e) {
            closeAll(journal, writer, index, lock);
            throw new GalleryIOException("cannot replay the journal of " + directory, e.getCause());
        } catch (RuntimeException | Error e) {
            closeAll(journal, writer, index, lock);
            throw e;
        }
    }

    private static Manifest openManifest(Path directory, GalleryConfig config) {
        if (Manifest.existsIn(directory)) {
            return Manifest.read(directory);
        }
        if (config.readOnly()) {
            throw new GalleryCorruptedException("no gallery at " + directory + " (no " + Manifest.FILE_NAME + ")");
        }
        try {
            Files.createDirectories(directory);
            if (hasFiles(directory)) {
                throw new GalleryCorruptedException(directory + " is not empty and holds no " + Manifest.FILE_NAME
                        + ": not a gallery (refusing to write into it)");
            }
        } catch (IOException e) {
            throw new GalleryIOException("cannot create gallery directory " + directory, e);
        }
        Manifest manifest = Manifest.create(config.faceDimension(), config.faceEncoding());
        manifest.write(directory);
        return manifest;
    }

    private static boolean hasFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> !f.getFileName().toString().equals(GalleryLock.FILE_NAME));
        }
    }

    private static long commitSeq(IndexWriter writer) {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(COMMIT_SEQ)) {
                try {
                    return Long.parseLong(e.getValue());
                } catch (NumberFormatException x) {
                    throw new GalleryCorruptedException("index commit carries a bad journal seq");
                }
            }
        }
        return 0;
    }

    /** Applies a replayed journal entry to the index (idempotent: enrolments are upserts). */
    private static void apply(IndexWriter writer, JournalEntry entry, DocumentFactory documents) {
        try {
            if (entry.op() == JournalEntry.Op.DELETE) {
                writer.deleteDocuments(SubjectDocuments.idTerm(new String(entry.payload(), StandardCharsets.UTF_8)));
            } else {
                SubjectRecord record = RecordCodec.decode(entry.payload(), "journal entry " + entry.seq());
                writer.updateDocuments(SubjectDocuments.idTerm(record.id()), documents.block(record, entry.payload()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /** Enrols a new subject; returns when durable. */
    public void enroll(SubjectRecord record) {
        submit(JournalEntry.Op.ENROLL, record.id(), record);
    }

    /** Replaces an enrolled subject; returns when durable. */
    public void replace(SubjectRecord record) {
        submit(JournalEntry.Op.REPLACE, record.id(), record);
    }

    /** Deletes an enrolled subject; returns when durable. */
    public void delete(String id) {
        submit(JournalEntry.Op.DELETE, id, null);
    }

    /**
     * Enrols several new subjects with one admission: all or none are admitted (a duplicate id, in the gallery or twice
     * in the batch, refuses the batch), and they share fsyncs. Returns when all are durable.
     */
    public void enrollAll(List<SubjectRecord> records) {
        checkWritable();
        List<byte[]> payloads = new ArrayList<>(records.size());
        List<List<Document>> blocks = new ArrayList<>(records.size());
        for (SubjectRecord record : records) {
            checkFaceDimension(record);
            byte[] payload = RecordCodec.encode(record);
            payloads.add(payload);
            blocks.add(documents.block(record, payload));
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(records.size());
        admission.lock();
        try {
            checkWritable();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (SubjectRecord record : records) {
                if (!seen.add(record.id()) || exists(record.id())) {
                    throw new DuplicateSubjectException(record.id());
                }
            }
            for (int i = 0; i < records.size(); i++) {
                SubjectRecord record = records.get(i);
                long seq = nextSeq++;
                overlay.put(record.id(), new Pending(seq, record));
                CompletableFuture<Void> future = new CompletableFuture<>();
                done.add(future);
                queue.add(new Write(new JournalEntry(seq, JournalEntry.Op.ENROLL, payloads.get(i)), record.id(),
                        blocks.get(i), future));
            }
        } finally {
            admission.unlock();
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> future : done) {
            try {
                await(future);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void submit(JournalEntry.Op op, String id, SubjectRecord record) {
        checkWritable();
        byte[] payload;
        List<Document> block = null;
        if (record != null) {
            checkFaceDimension(record);
            payload = RecordCodec.encode(record);
            block = documents.block(record, payload);
        } else {
            payload = id.getBytes(StandardCharsets.UTF_8);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        admission.lock();
        try {
            checkWritable();
            boolean exists = exists(id);
            if (op == JournalEntry.Op.ENROLL && exists) {
                throw new DuplicateSubjectException(id);
            }
            if (op != JournalEntry.Op.ENROLL && !exists) {
                throw new UnknownSubjectException(id);
            }
            long seq = nextSeq++;
            overlay.put(id, new Pending(seq, record));
            queue.add(new Write(new JournalEntry(seq, op, payload), id, block, done));
        } finally {
            admission.unlock();
        }
        await(done);
    }

    private void checkFaceDimension(SubjectRecord record) {
        if (record.hasFace() && record.faceDimension() != manifest.faceDimension()) {
            throw new InvalidRecordException("face", "dimension " + record.faceDimension() + " does not match the"
                    + " gallery's " + manifest.faceDimension());
        }
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("gallery " + directory + " is open read-only");
        }
        if (closing) {
            throw new IllegalStateException("gallery " + directory + " is closed");
        }
        GalleryException f = failure;
        if (f != null) {
            throw new GalleryIOException("gallery " + directory + " stopped accepting writes after a failure ("
                    + f.getMessage() + "); reopen it to recover from the journal");
        }
    }

    private static void await(CompletableFuture<Void> done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the change is queued and cannot be withdrawn: wait for its outcome
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void journalLoop() {
        List<Write> batch = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        while (true) {
            Write first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.clear();
            entries.clear();
            batch.add(first);
            queue.drainTo(batch, MAX_GROUP - 1);
            for (Write w : batch) {
                entries.add(w.entry());
            }
            if (failure != null) {
                failAll(batch, failure);
                continue;
            }
            try {
                journal.append(entries);
            } catch (IOException e) {
                fail(new GalleryIOException("journal write failed in " + directory, e));
                failAll(batch, failure);
                continue;
            }
            try {
                applyToIndex(batch);
                appliedSeq = batch.get(batch.size() - 1).entry().seq();
            } catch (IOException | RuntimeException e) {
                // Durable in the journal, but the index refused it: reopening replays the journal.
                fail(e instanceof IOException io ? new GalleryIOException("index write failed in " + directory, io)
                        : new GalleryIOException("index write failed in " + directory + ": " + e));
                failAll(batch, failure);
                continue;
            }
            for (Write w : batch) {
                w.done().complete(null);
            }
        }
    }

    /**
     * Applies a durable batch to the index writer. Changes to distinct subjects commute, so a batch whose ids are all
     * distinct (a bulk enrolment, concurrent enrolments) is indexed by several threads at once, as Lucene's writer
     * allows; a batch touching one id twice is applied in order.
     */
    private void applyToIndex(List<Write> batch) throws IOException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        boolean distinct = batch.size() >= 2 * APPLY_THREADS;
        for (int i = 0; distinct && i < batch.size(); i++) {
            distinct = ids.add(batch.get(i).id());
        }
        if (!distinct) {
            for (Write w : batch) {
                apply(w);
            }
            return;
        }
        List<java.util.concurrent.Future<?>> parts = new ArrayList<>(APPLY_THREADS);
        int per = (batch.size() + APPLY_THREADS - 1) / APPLY_THREADS;
        for (int from = 0; from < batch.size(); from += per) {
            List<Write> part = batch.subList(from, Math.min(batch.size(), from + per));
            parts.add(appliers.submit(() -> {
                for (Write w : part) {
                    apply(w);
                }
                return null;
            }));
        }
        IOException failed = null;
        for (java.util.concurrent.Future<?> part : parts) {
            try {
                boolean interrupted = false;
                while (true) {
                    try {
                        part.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    failed = io;
                } else if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void apply(Write w) throws IOException {
        if (w.block() == null) {
            writer.deleteDocuments(SubjectDocuments.idTerm(w.id()));
        } else if (w.entry().op() == JournalEntry.Op.ENROLL) {
            writer.addDocuments(w.block()); // admission checked the id is new: no delete term needed
        } else {
            writer.updateDocuments(SubjectDocuments.idTerm(w.id()), w.block());
        }
    }

    private void fail(GalleryException e) {
        if (failure == null) {
            failure = e;
            LOG.error("gallery {}: writes stopped: {}", directory, e.getMessage());
        }
    }

    private static void failAll(Collection<Write> writes, GalleryException e) {
        for (Write w : writes) {
            w.done().completeExceptionally(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- reads

    /** Whether the subject exists, counting admitted changes. Check the overlay first, then acquire the searcher. */
    public boolean exists(String id) {
        Pending p = overlay.get(id);
        if (p != null) {
            return p.record() != null;
        }
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(new TermQuery(SubjectDocuments.idTerm(id))) > 0;
        } catch (IOException e) {
            throw new GalleryIOException("cannot search gallery " + directory, e);
        } finally {
            release(searcher);
        }
    }

    /** The record, if enrolled. */
    public Optional<SubjectRecord> find(String id) {
        Pending p = overlay.get(id);
        if (p != null) {
            return Optional.ofNullable(p.record());
        }
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(subjectQuery(new TermQuery(SubjectDocuments.idTerm(id))), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(readRecord(searcher, top.scoreDocs[0].doc, id));
        } catch (IOException e) {
            throw new GalleryIOException("cannot read subject " + id + " from " + directory, e);
        } finally {
            release(searcher);
        }
    }

    /** Reads and decodes the stored record of a subject document. */
    static SubjectRecord readRecord(IndexSearcher searcher, int doc, String id) throws IOException {
        Document stored = searcher.storedFields().document(doc, java.util.Set.of(SubjectDocuments.RECORD));
        org.apache.lucene.util.BytesRef bytes = stored.getBinaryValue(SubjectDocuments.RECORD);
        if (bytes == null) {
            throw new GalleryCorruptedException("subject " + id + " has no stored record");
        }
        SubjectRecord record = RecordCodec.decode(java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset,
                bytes.offset + bytes.length), "subject " + id);
        if (!record.id().equals(id)) {
            throw new GalleryCorruptedException("stored record of subject " + id + " names another subject");
        }
        return record;
    }

    /** Documents of kind subject matching {@code filter}. */
    static Query subjectQuery(Query filter) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new org.apache.lucene.index.Term(SubjectDocuments.KIND, SubjectDocuments.SUBJECT)),
                        BooleanClause.Occur.FILTER)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }

    /**
     * The pending changes the searcher does not show yet, by subject id: the new record, or an empty optional for a
     * deletion. A snapshot; small (at most a refresh interval's worth of changes).
     */
    public Map<String, Optional<SubjectRecord>> pending() {
        Map<String, Optional<SubjectRecord>> out = new java.util.HashMap<>();
        overlay.forEach((id, p) -> out.put(id, Optional.ofNullable(p.record())));
        return out;
    }

    /**
     * The subjects deleted but maybe still in the searcher. Take this snapshot before acquiring the searcher: an
     * entry leaves the overlay only after a searcher without the subject was published.
     */
    public java.util.Set<String> pendingDeletions() {
        java.util.Set<String> out = new java.util.HashSet<>();
        overlay.forEach((id, p) -> {
            if (p.record() == null) {
                out.add(id);
            }
        });
        return out;
    }

    /** A searcher over the latest refreshed index; release it with {@link #release}. */
    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            throw new IllegalStateException("gallery " + directory + " is closed", e);
        } catch (IOException e) {
            throw new GalleryIOException("cannot open a searcher on " + directory, e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new GalleryIOException("cannot release a searcher on " + directory, e);
        }
    }

    /**
     * Makes every acknowledged change searchable now (tests, bulk loads). Runs on the refresh thread: Lucene's file
     * channels must not see a caller's interrupt (an interrupted channel operation closes the channel, and with it
     * the index's write lock).
     */
    public void refresh() {
        runOn(refresher, this::refreshNow);
    }

    /** Runs a task on one of the store's own threads and waits for it, ignoring (but keeping) interrupts. */
    private void runOn(ScheduledExecutorService executor, Runnable task) {
        java.util.concurrent.Future<?> done;
        try {
            done = executor.submit(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("gallery " + directory + " is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            LOG.warn("gallery {}: refresh failed: {}", directory, e.toString());
        }
    }

    private void refreshNow() {
        synchronized (refreshLock) {
            long target = appliedSeq;
            if (readOnly) {
                maybeRefresh();
                return;
            }
            if (target <= visibleSeq) {
                return;
            }
            maybeRefresh();
            visibleSeq = target;
            overlay.values().removeIf(p -> p.seq() <= target);
        }
    }

    private void maybeRefresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new GalleryIOException("cannot refresh the searcher of " + directory, e);
        }
    }

    /** Commits the index now and trims the journal (also done periodically). */
    public void commit() {
        if (readOnly) {
            return;
        }
        runOn(committer, this::commitNow);
    }

    private void commitNow() {
        synchronized (journal) {
            long target = appliedSeq;
            // A merge changes the index without a new journal entry: commit it too (a force-merge not committed is
            // thrown away when the writer closes).
            if (target <= committedSeq && !writer.hasUncommittedChanges()) {
                return;
            }
            try {
                writer.setLiveCommitData(Map.of(COMMIT_SEQ, Long.toString(target)).entrySet());
                writer.commit();
                committedSeq = target;
                journal.deleteCoveredSegments(target);
            } catch (IOException e) {
                GalleryIOException failed = new GalleryIOException("index commit failed in " + directory, e);
                fail(failed);
                throw failed;
            }
        }
    }

    private void commitQuietly() {
        try {
            commitNow();
        } catch (RuntimeException e) {
            LOG.warn("gallery {}: commit failed: {}", directory, e.toString());
        }
    }

    /** Forces merging the index into few segments (after a bulk load; slow). */
    public void forceMerge(int segments) {
        checkWritable();
        runOn(committer, () -> {
            try {
                writer.forceMerge(segments);
            } catch (IOException e) {
                throw new GalleryIOException("cannot merge the index of " + directory, e);
            }
            commitNow();
        });
        refresh();
    }

    /** Checks every index file's checksum; throws {@link GalleryCorruptedException} naming the first bad one. */
    public void checkIndexIntegrity() {
        IndexSearcher searcher = acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } catch (CorruptIndexException e) {
            throw new GalleryCorruptedException("gallery index " + directory + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GalleryIOException("cannot check the index of " + directory, e);
        } finally {
            release(searcher);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path directory() {
        return directory;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Sequence number of the last acknowledged change. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /** Size of the index and journal files on disk, bytes. */
    public long diskBytes() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted meanwhile by a merge
                }
            }).sum();
        } catch (IOException e) {
            throw new GalleryIOException("cannot measure " + directory, e);
        }
    }

    @Override
    public void close() {
        admission.lock();
        try {
            if (closing) {
                return;
            }
            closing = true; // under the admission lock: nothing is queued after the journal thread's last look
        } finally {
            admission.unlock();
        }
        GalleryException error = null;
        if (journalThread != null) {
            boolean interrupted = false;
            while (journalThread.isAlive()) {
                try {
                    journalThread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // Never interrupt the store's threads: an interrupt inside a Lucene file operation closes the channel.
        try {
            if (writer != null && failure == null) {
                commit();
            }
        } catch (GalleryException e) {
            error = e;
        }
        shutdown(refresher);
        if (committer != null) {
            shutdown(committer);
            appliers.shutdown();
        }
        closeAll(journal, searchers, writer, index, lock);
        if (error != null) {
            throw error;
        }
    }

    private static void shutdown(ScheduledExecutorService executor) {
        executor.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", r.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The index's segment count and document counts, for diagnostics. */
    public String describe() {
        try {
            SegmentInfos infos = SegmentInfos.readLatestCommit(index);
            return infos.size() + " segments at last commit, committed seq " + committedSeq + ", applied seq "
                    + appliedSeq + ", visible seq " + visibleSeq;
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }
}
