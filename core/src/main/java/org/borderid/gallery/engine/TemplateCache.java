package org.borderid.gallery.engine;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.engine.match.PreparedTemplates;

/**
 * Gallery templates prepared for matching, kept between searches within a byte budget.
 *
 * <p>Preparing a template (its MCC cylinders and pairwise geometry) costs about ten comparisons, so re-scoring
 * candidates from a warm cache is ten times faster. Entries are keyed by segment core and document (immutable: a
 * replaced subject gets new documents) and dropped when their segment closes after a merge. When the budget is
 * exceeded the oldest entries go first (FIFO), which for the uniformly spread candidates of 1:N searches evicts as
 * well as LRU without a lock on every hit.
 */
final class TemplateCache {
    private final long budget;
    private final AtomicLong used = new AtomicLong();
    private final Map<IndexReader.CacheKey, AtomicReferenceArray<FingerprintTemplate>> segments =
            new ConcurrentHashMap<>();
    private final ArrayDeque<Entry> fifo = new ArrayDeque<>();

    private record Entry(AtomicReferenceArray<FingerprintTemplate> segment, int doc, long bytes) {}

    TemplateCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** The cached template of a document, or null. */
    FingerprintTemplate get(LeafReader reader, int doc) {
        AtomicReferenceArray<FingerprintTemplate> segment = segment(reader, false);
        return segment == null ? null : segment.get(doc);
    }

    /** Prepares the template for matching and caches it if the budget allows. */
    FingerprintTemplate put(LeafReader reader, int doc, FingerprintTemplate template) {
        PreparedTemplates.of(template); // prepare now, in the searching thread
        long bytes = estimate(template);
        if (budget <= 0 || bytes > budget) {
            return template;
        }
        AtomicReferenceArray<FingerprintTemplate> segment = segment(reader, true);
        if (segment == null || !segment.compareAndSet(doc, null, template)) {
            return template;
        }
        synchronized (fifo) {
            fifo.addLast(new Entry(segment, doc, bytes));
            long total = used.addAndGet(bytes);
            while (total > budget && !fifo.isEmpty()) {
                Entry oldest = fifo.removeFirst();
                oldest.segment().set(oldest.doc(), null);
                total = used.addAndGet(-oldest.bytes());
            }
        }
        return template;
    }

    /** Bytes of heap the cached templates use (estimate). */
    long usedBytes() {
        return used.get();
    }

    private AtomicReferenceArray<FingerprintTemplate> segment(LeafReader reader, boolean create) {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return null;
        }
        IndexReader.CacheKey key = helper.getKey();
        AtomicReferenceArray<FingerprintTemplate> segment = segments.get(key);
        if (segment != null || !create) {
            return segment;
        }
        AtomicReferenceArray<FingerprintTemplate> created = new AtomicReferenceArray<>(reader.maxDoc());
        segment = segments.putIfAbsent(key, created);
        if (segment == null) {
            helper.addClosedListener(this::drop);
            return created;
        }
        return segment;
    }

    private void drop(IndexReader.CacheKey key) {
        AtomicReferenceArray<FingerprintTemplate> segment = segments.remove(key);
        if (segment == null) {
            return;
        }
        synchronized (fifo) {
            fifo.removeIf(e -> {
                if (e.segment() == segment) {
                    used.addAndGet(-e.bytes());
                    return true;
                }
                return false;
            });
        }
    }

    /**
     * Heap of a prepared template with n minutiae, bytes: cylinder bits (24 words) and masks (8 words) per minutia,
     * n² distances (float) and radial angles (byte), coordinate arrays, the direction index, and the minutia objects.
     */
    static long estimate(FingerprintTemplate template) {
        long n = template.minutiae().size();
        return 256 + n * (24 * 8 + 8 * 8 + 5 * 4 + 48) + n * n * 5 + 257 * 4;
    }
}
