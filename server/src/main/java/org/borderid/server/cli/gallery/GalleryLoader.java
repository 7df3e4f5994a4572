package org.borderid.server.cli.gallery;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.SubjectRecord;

/**
 * Bulk enrolment with a progress bar: records are made (decoded, extracted, generated) and enrolled by several
 * threads in batches ({@link Gallery#enrollAll}: one admission and shared fsyncs per batch). Ids already in the gallery
 * are skipped before their record is made, so an interrupted load resumes where it stopped.
 */
public final class GalleryLoader {
    /**
     * Most records per {@link Gallery#enrollAll} call: enough to amortise the fsync, small enough to keep memory flat.
     * Smaller galleries use smaller batches, so that every thread gets work ({@link #batchFor}).
     */
    public static final int DEFAULT_BATCH = 256;

    /**
     * Refresh interval for bulk loading: 60 s. Every refresh writes the enrolments since the last one as a new index
     * segment; a finger segment's cost is mostly per distinct term (thousands per finger), a face segment's is its
     * HNSW graph, and small segments are merged again and again (each merge rebuilds a graph). The former 5 s made
     * segments of about 10,000 faces; with 60 s and Lucene's larger buffer (GalleryStore) a 1M-face load writes a
     * handful of segments. The pending overlay holds the records of one interval (about 1 KB per face subject).
     */
    public static final java.time.Duration BULK_REFRESH_INTERVAL = java.time.Duration.ofSeconds(60);

    /**
     * Commit interval for bulk loading: 10 min. A commit, like a refresh, writes the buffered enrolments as a segment:
     * a 1M-face load with the default 60 s commits left 32 segments (a graph each; merging them re-inserted nearly
     * every vector). The journal holds what a crash would replay: at most this interval of enrolments.
     */
    public static final java.time.Duration BULK_COMMIT_INTERVAL = java.time.Duration.ofMinutes(10);

    /** The configuration to open a gallery with for a bulk load: {@code config} with the bulk intervals. */
    public static org.borderid.gallery.GalleryConfig bulkConfig(org.borderid.gallery.GalleryConfig config) {
        return config.withRefreshInterval(BULK_REFRESH_INTERVAL).withCommitInterval(BULK_COMMIT_INTERVAL);
    }

    /** The batch size for {@code total} items over {@code threads} threads: at most {@link #DEFAULT_BATCH}. */
    public static int batchFor(long total, int threads) {
        return (int) Math.max(1, Math.min(DEFAULT_BATCH, total / (4L * threads)));
    }

    private GalleryLoader() {}

    /** One subject to load: its id (checked before the record is made) and how to make the record (null: skip). */
    public record Item(String id, Supplier<SubjectRecord> record) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(record, "record");
        }
    }

    /** What a load did. */
    public record Result(long enrolled, long alreadyPresent, long refused, double seconds) {
        /** Subjects enrolled per second. */
        public double rate() {
            return seconds > 0 ? enrolled / seconds : 0;
        }
    }

    /**
     * Loads the items.
     *
     * @param total    number of items, for the progress bar (≤ 0 if unknown)
     * @param threads  worker threads making and enrolling records
     * @param progress where the progress bar goes (a line per 10% when not a terminal), or null
     */
    public static Result load(Gallery gallery, Iterator<Item> items, long total, int threads, int batch,
                              PrintStream progress) throws Exception {
        AtomicLong enrolled = new AtomicLong();
        AtomicLong present = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gallery-load");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<?>> futures = new ArrayList<>();
        ProgressBar bar = progress == null ? null : new ProgressBar(progress, total);
        try {
            while (items.hasNext()) {
                List<Item> chunk = new ArrayList<>(batch);
                while (items.hasNext() && chunk.size() < batch) {
                    chunk.add(items.next());
                }
                inFlight.acquire();
                futures.add(workers.submit(() -> {
                    try {
                        List<SubjectRecord> records = new ArrayList<>(chunk.size());
                        for (Item item : chunk) {
                            if (gallery.contains(item.id())) {
                                present.incrementAndGet();
                                continue;
                            }
                            SubjectRecord record = item.record().get();
                            if (record == null) {
                                refused.incrementAndGet();
                            } else {
                                records.add(record);
                            }
                        }
                        if (!records.isEmpty()) {
                            gallery.enrollAll(records);
                            enrolled.addAndGet(records.size());
                        }
                        if (bar != null) {
                            bar.update(enrolled.get() + present.get() + refused.get());
                        }
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
                futures.removeIf(f -> f.isDone() && get(f));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
        gallery.refresh();
        if (bar != null) {
            bar.finish(enrolled.get() + present.get() + refused.get());
        }
        return new Result(enrolled.get(), present.get(), refused.get(), (System.nanoTime() - start) / 1e9);
    }

    private static boolean get(Future<?> f) {
        try {
            f.get();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** A one-line progress bar: redrawn in place on a terminal, a line per 10% otherwise. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final long total;
        private final long start = System.nanoTime();
        private final boolean terminal = System.console() != null;
        private long lastDraw;
        private long lastDecile = -1;

        ProgressBar(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        synchronized void update(long done) {
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastDraw > 200_000_000L) {
                    lastDraw = now;
                    out.print("\r" + line(done, now));
                    out.flush();
                }
            } else if (total > 0 && done * 10 / total > lastDecile) {
                lastDecile = done * 10 / total;
                out.println(line(done, now));
            }
        }

        synchronized void finish(long done) {
            if (terminal || total <= 0 || lastDecile < 10) {
                out.print((terminal ? "\r" : "") + line(done, System.nanoTime()) + System.lineSeparator());
                out.flush();
            }
        }

        private String line(long done, long now) {
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            double rate = done / seconds;
            if (total <= 0) {
                return String.format(Locale.ROOT, "%,d subjects  %,.0f/s  %.0f s", done, rate, seconds);
            }
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            double eta = rate > 0 ? (total - done) / rate : 0;
            return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d  %,.0f/s  ETA %s", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), 100 * done / total, done, total, rate, duration(eta));
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
