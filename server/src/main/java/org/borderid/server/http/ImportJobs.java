package org.borderid.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.borderid.server.audit.AuditAction;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.security.Principal;
import org.borderid.server.service.EnrollCommand;
import org.borderid.server.service.EnrollmentService;
import org.borderid.server.service.SubjectExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk imports of NDJSON (one subject document per line, as in {@code POST /v1/subjects}).
 *
 * <p>The upload is streamed to {@code imports/<job>.ndjson} in the data folder (never held in memory; refused past
 * {@code limits.maxImportBytes}), then enrolled line by line on one background thread, so imports never take more
 * than one core from the kiosks. A line that fails (bad JSON, invalid field, unusable capture, duplicate id) is
 * recorded with its problem and the import goes on. Progress is read with {@code GET /v1/jobs/{id}}. Jobs live in
 * memory: after a restart their status is gone (every enrollment they made is in the gallery and the audit log) and
 * leftover spool files are deleted.
 */
public final class ImportJobs implements AutoCloseable {
    /** Folder of the spool files inside the data folder. */
    public static final String FOLDER = "imports";
    /** Failed lines whose problems a job keeps (the count goes on). */
    public static final int MAX_RECORDED_ERRORS = 100;
    /** Finished jobs kept for status queries (oldest forgotten first). */
    static final int MAX_JOBS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to do with a line whose id is already enrolled. */
    enum OnDuplicate {
        /** Record the line as failed (409). */
        FAIL,
        /** Count it as skipped. */
        SKIP,
        /** Replace the enrolled subject. */
        REPLACE
    }

    /** One failed line. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LineError(long line, int status, String title, String detail, List<Problem.FieldError> errors) {}

    /** A job's state, as {@code GET /v1/jobs/{id}} shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobStatus(String id, String status, String onDuplicate, String submitted, String started,
            String finished, long bytes, double progress, long lines, long enrolled, long replaced, long skipped,
            long failed, List<LineError> errors, boolean errorsTruncated) {}

    private final class Job {
        final String id;
        final Principal who;
        final Path file;
        final long bytes;
        final OnDuplicate onDuplicate;
        final Instant submitted = Instant.now();
        volatile Instant started;
        volatile Instant finished;
        volatile String status = "QUEUED";
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicLong lines = new AtomicLong();
        final AtomicLong enrolled = new AtomicLong();
        final AtomicLong replaced = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<LineError> errors = new ArrayList<>();

        Job(String id, Principal who, Path file, long bytes, OnDuplicate onDuplicate) {
            this.id = id;
            this.who = who;
            this.file = file;
            this.bytes = bytes;
            this.onDuplicate = onDuplicate;
        }

        synchronized JobStatus status() {
            return new JobStatus(id, status, onDuplicate.name().toLowerCase(java.util.Locale.ROOT),
                    submitted.toString(), started == null ? null : started.toString(),
                    finished == null ? null : finished.toString(), bytes,
                    bytes == 0 ? 1 : Math.min(1, (double) bytesRead.get() / bytes), lines.get(), enrolled.get(),
                    replaced.get(), skipped.get(), failed.get(), List.copyOf(errors),
                    failed.get() > errors.size());
        }

        synchronized void fail(long line, ApiException e) {
            failed.incrementAndGet();
            if (errors.size() < MAX_RECORDED_ERRORS) {
                errors.add(new LineError(line, e.type().status(), e.type().title(), e.getMessage(), e.errors()));
            }
        }
    }

    private final Path folder;
    private final Commands commands;
    private final EnrollmentService enrollment;
    private final AuditLog audit;
    private final long maxBytes;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "borderid-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(Path dataFolder, ApiContext api, Commands commands, EnrollmentService enrollment) throws IOException {
        this.folder = dataFolder.resolve(FOLDER);
        this.commands = commands;
        this.enrollment = enrollment;
        this.audit = api.audit();
        this.maxBytes = api.config().limits().maxImportBytes();
        this.json = api.json();
        Files.createDirectories(folder);
        try (var leftovers = Files.list(folder)) {
            for (Path p : leftovers.toList()) {
                LOG.warn("deleting the spool file {} of an import interrupted by a restart", p.getFileName());
                Files.deleteIfExists(p);
            }
        }
    }

    /** Spools the body and queues the job; returns its initial status. */
    JobStatus submit(Principal who, InputStream body, OnDuplicate onDuplicate) {
        String id = newId();
        Path file = folder.resolve(id + ".ndjson");
        long size;
        try (OutputStream out = Files.newOutputStream(createPrivate(file))) {
            size = copyWithLimit(body, out);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new ApiException(ProblemType.INVALID_REQUEST, "The upload could not be read: " + e.getMessage());
        } catch (ApiException e) {
            deleteQuietly(file);
            throw e;
        }
        Job job = new Job(id, who, file, size, onDuplicate);
        synchronized (jobs) {
            jobs.put(id, job);
            while (jobs.size() > MAX_JOBS) {
                String oldest = jobs.keySet().iterator().next();
                jobs.remove(oldest);
            }
        }
        audit.append(who, AuditAction.IMPORT_START, "", "queued", "job=" + id + " bytes=" + size);
        worker.submit(() -> run(job));
        return job.status();
    }

    /** A job's status. */
    Optional<JobStatus> status(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::status);
        }
    }

    private void run(Job job) {
        job.started = Instant.now();
        job.status = "RUNNING";
        try (InputStream raw = Files.newInputStream(job.file);
                BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(new CountingStream(raw,
                        job.bytesRead), StandardCharsets.UTF_8))) {
            long lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                job.lines.incrementAndGet();
                importLine(job, lineNo, line);
            }
            enrollment.makeSearchable();
            job.status = "DONE";
        } catch (IOException | RuntimeException e) {
            LOG.error("import job {} failed", job.id, e);
            job.status = "FAILED";
        } finally {
            job.finished = Instant.now();
            deleteQuietly(job.file);
            JobStatus s = job.status();
            try {
                audit.append(job.who, AuditAction.IMPORT_END, "", s.status().toLowerCase(java.util.Locale.ROOT),
                        "job=" + job.id + " lines=" + s.lines() + " enrolled=" + s.enrolled() + " replaced="
                                + s.replaced() + " skipped=" + s.skipped() + " failed=" + s.failed());
            } catch (RuntimeException e) {
                LOG.error("import job {}: cannot write the audit entry", job.id, e);
            }
        }
    }

    private void importLine(Job job, long lineNo, String line) {
        try {
            Commands.Errors errors = new Commands.Errors();
            EnrollCommand command = commands.subject(RequestBodies.parse(json, line.getBytes(StandardCharsets.UTF_8),
                    RequestBodies.SubjectJson.class), null, errors);
            try {
                enrollment.enrollQuietly(job.who, command);
                job.enrolled.incrementAndGet();
            } catch (SubjectExistsException e) {
                switch (job.onDuplicate) {
                    case SKIP -> job.skipped.incrementAndGet();
                    case REPLACE -> {
                        enrollment.replace(job.who, command);
                        job.replaced.incrementAndGet();
                    }
                    case FAIL -> throw e;
                }
            }
        } catch (RuntimeException e) {
            job.fail(lineNo, ErrorMapping.toApiException(e, null));
        }
    }

    private long copyWithLimit(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The import exceeds the limit of " + maxBytes
                        + " bytes; split it into several jobs.");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The spool holds biometric images until the job ends: readable by the server's user only. */
    private static Path createPrivate(Path file) throws IOException {
        Files.createFile(file);
        org.borderid.server.storage.DurableFiles.restrictToOwner(file);
        return file;
    }

    private static String newId() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return "job-" + HexFormat.of().formatHex(b);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.getMessage());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Counts bytes read, for progress. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
