package org.borderid.gallery.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.TemplateFormatException;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.GalleryCorruptedException;
import org.borderid.gallery.GalleryIOException;
import org.borderid.gallery.GalleryStatistics;
import org.borderid.gallery.Identification;
import org.borderid.gallery.SubjectFilter;
import org.borderid.gallery.SubjectPage;
import org.borderid.gallery.SubjectRecord;

/**
 * The gallery behind the {@code Gallery} facade: storage ({@link GalleryStore}), fingerprint search
 * ({@link FingerSearch}) and face search ({@link FaceSearch}). Arguments arrive validated for nullness and ranges.
 */
public final class GalleryEngine implements AutoCloseable {
    private final GalleryStore store;
    private final FingerSearch fingers;
    private final GalleryConfig config;

    private GalleryEngine(GalleryStore store, FingerSearch fingers, GalleryConfig config) {
        this.store = store;
        this.fingers = fingers;
        this.config = config;
    }

    public static GalleryEngine open(Path directory, GalleryConfig config) {
        GalleryStore store = GalleryStore.open(directory, config, GalleryEngine::block);
        return new GalleryEngine(store, new FingerSearch(config.templateCacheBytes()), config);
    }

    /** The Lucene block of a record, with the minutiae index terms of each finger. */
    static List<org.apache.lucene.document.Document> block(SubjectRecord record, byte[] bytes) {
        Map<FingerPosition, int[][]> hashes = new EnumMap<>(FingerPosition.class);
        record.fingers().forEach((position, template) -> hashes.put(position, CylinderHashes.of(template)));
        return SubjectDocuments.block(record, bytes, hashes);
    }

    public void enroll(SubjectRecord record) {
        store.enroll(record);
    }

    public void enrollAll(List<SubjectRecord> records) {
        store.enrollAll(records);
    }

    public void replace(SubjectRecord record) {
        store.replace(record);
    }

    public void delete(String id) {
        store.delete(id);
    }

    public Optional<SubjectRecord> find(String id) {
        return store.find(id);
    }

    public boolean contains(String id) {
        return store.exists(id);
    }

    public SubjectPage list(SubjectFilter filter, String after, int limit) {
        Map<String, Optional<SubjectRecord>> pending = store.pending();
        TreeMap<String, SubjectRecord> page = new TreeMap<>();
        IndexSearcher searcher = store.acquire();
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder().add(subjects(), BooleanClause.Occur.FILTER);
            Filters.add(q, filter);
            if (after != null) {
                q.add(TermRangeQuery.newStringRange(SubjectDocuments.ID, after, null, false, true),
                        BooleanClause.Occur.FILTER);
            }
            int fetch = limit + 1 + pending.size();
            TopDocs top = searcher.search(q.build(), fetch,
                    new Sort(new SortField(SubjectDocuments.ID, SortField.Type.STRING)));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc hit : top.scoreDocs) {
                String id = idOf(leaves, hit.doc);
                if (!pending.containsKey(id)) {
                    page.put(id, GalleryStore.readRecord(searcher, hit.doc, id));
                }
            }
        } catch (IOException e) {
            throw new GalleryIOException("cannot list gallery " + store.directory(), e);
        } finally {
            store.release(searcher);
        }
        pending.forEach((id, record) -> {
            if (record.isPresent() && (after == null || id.compareTo(after) > 0) && filter.test(record.get())) {
                page.put(id, record.get());
            }
        });
        List<SubjectRecord> records = new ArrayList<>(page.values());
        boolean more = records.size() > limit;
        records = records.subList(0, Math.min(limit, records.size()));
        return new SubjectPage(records, more ? Optional.of(records.get(records.size() - 1).id()) : Optional.empty());
    }

    public long count(SubjectFilter filter) {
        Map<String, Optional<SubjectRecord>> pending = store.pending();
        IndexSearcher searcher = store.acquire();
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder().add(subjects(), BooleanClause.Occur.FILTER);
            Filters.add(q, filter);
            long count = searcher.count(q.build());
            for (Map.Entry<String, Optional<SubjectRecord>> e : pending.entrySet()) {
                BooleanQuery.Builder one = new BooleanQuery.Builder().add(subjects(), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(SubjectDocuments.idTerm(e.getKey())), BooleanClause.Occur.FILTER);
                Filters.add(one, filter);
                boolean visible = searcher.count(one.build()) > 0;
                boolean now = e.getValue().isPresent() && filter.test(e.getValue().get());
                count += (now ? 1 : 0) - (visible ? 1 : 0);
            }
            return count;
        } catch (IOException e) {
            throw new GalleryIOException("cannot count gallery " + store.directory(), e);
        } finally {
            store.release(searcher);
        }
    }

    /** The gallery's face embedding dimension. */
    public int faceDimension() {
        return store.manifest().faceDimension();
    }

    /** Searches faces with a validated probe of the gallery's dimension. */
    public Identification identifyFace(float[] probe, SubjectFilter filter, int k) {
        java.util.Set<String> deleted = store.pendingDeletions(); // before the searcher, see pendingDeletions
        IndexSearcher searcher = store.acquire();
        try {
            return FaceSearch.identify(searcher, probe, filter, k, store.manifest().faceEncoding(), deleted::contains);
        } catch (IOException e) {
            throw new GalleryIOException("face search failed in " + store.directory(), e);
        } finally {
            store.release(searcher);
        }
    }

    public Identification identifyFingers(Map<FingerPosition, FingerprintTemplate> probes, SubjectFilter filter,
                                          int k, int rescored) {
        java.util.Set<String> deleted = store.pendingDeletions(); // before the searcher, see pendingDeletions
        IndexSearcher searcher = store.acquire();
        try {
            return fingers.identify(searcher, probes, filter, k, rescored, deleted::contains);
        } catch (IOException e) {
            throw new GalleryIOException("fingerprint search failed in " + store.directory(), e);
        } finally {
            store.release(searcher);
        }
    }

    public void refresh() {
        store.refresh();
    }

    public void commit() {
        store.commit();
    }

    public void optimize() {
        store.forceMerge(1);
    }

    public List<String> verify() {
        store.checkIndexIntegrity();
        List<String> damaged = new ArrayList<>();
        IndexSearcher searcher = store.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                SortedDocValues ids = leaf.reader().getSortedDocValues(SubjectDocuments.ID);
                BinaryDocValues templates = leaf.reader().getBinaryDocValues(SubjectDocuments.TEMPLATE);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String id = ids != null && ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString()
                            : "(document " + doc + " without id)";
                    if (templates != null && templates.advanceExact(doc)) {
                        BytesRef b = templates.binaryValue();
                        try {
                            FingerprintTemplate.fromByteArray(java.util.Arrays.copyOfRange(b.bytes, b.offset,
                                    b.offset + b.length));
                        } catch (TemplateFormatException e) {
                            damaged.add(id);
                        }
                    }
                }
            }
            TopDocs all = searcher.search(subjects(), Math.max(1, searcher.getIndexReader().maxDoc()));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc hit : all.scoreDocs) {
                String id = idOf(leaves, hit.doc);
                try {
                    GalleryStore.readRecord(searcher, hit.doc, id);
                } catch (GalleryCorruptedException e) {
                    damaged.add(id);
                }
            }
        } catch (IOException e) {
            throw new GalleryIOException("cannot verify gallery " + store.directory(), e);
        } finally {
            store.release(searcher);
        }
        return damaged.stream().distinct().sorted().toList();
    }

    public GalleryStatistics statistics() {
        IndexSearcher searcher = store.acquire();
        try {
            long subjects = searcher.count(subjects());
            long fingerCount = searcher.count(new TermQuery(new Term(SubjectDocuments.KIND, SubjectDocuments.FINGER)));
            long faces = searcher.count(new FieldExistsQuery(SubjectDocuments.FACE));
            return new GalleryStatistics(subjects, fingerCount, faces, store.diskBytes(), fingers.cachedBytes());
        } catch (IOException e) {
            throw new GalleryIOException("cannot read statistics of " + store.directory(), e);
        } finally {
            store.release(searcher);
        }
    }

    public Path directory() {
        return store.directory();
    }

    @Override
    public void close() {
        store.close();
    }

    private static Query subjects() {
        return new TermQuery(new Term(SubjectDocuments.KIND, SubjectDocuments.SUBJECT));
    }

    private static String idOf(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = leaf.reader().getSortedDocValues(SubjectDocuments.ID);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            throw new GalleryCorruptedException("a subject document has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }
}
