package org.borderid.gallery.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.borderid.gallery.Candidate;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.Identification;
import org.borderid.gallery.SubjectFilter;

/**
 * Face identification: the HNSW graph proposes candidates, which are re-scored exactly (cosine of the float
 * embeddings) and cut to k.
 *
 * <p>The graph is asked for {@code max(k × oversampling, MIN_CANDIDATES)} neighbours: an approximate graph search and,
 * for 8-bit vectors, quantized distances both misorder near neighbours, and re-scoring a few times more candidates than
 * needed with the exact vectors recovers them (recall measured against an exact scan in docs/gallery.md).
 */
final class FaceSearch {
    /**
     * Graph candidates per requested candidate with float vectors. Measured recall@10 against an exact scan as a
     * function of the candidate count in docs/gallery.md ("Face 1:N"): 3 meets 0.99 on a few thousand vectors only.
     */
    static final int FLOAT_OVERSAMPLING = 3;
    /** Graph candidates per requested candidate with 8-bit vectors: quantization reorders close neighbours more. */
    static final int INT8_OVERSAMPLING = 5;
    /**
     * Fewest graph candidates asked for (the search beam for small k): 700. Measured (docs/gallery.md, "Face 1:N") on
     * 1,000,000 vectors with LFW's statistics, M = 32, one segment: with 200 the probe's own mate came first for only
     * 90.7% of the probes against the exact scan's 99.3% (an identification miss, not a neighbour-order detail); with
     * 702, 98.3% (recall@10 0.90) at 8.6 ms p50 on a loaded machine, against 7.9 ms with 200. At 100,000 such vectors
     * 702 candidates give recall@10 0.996 and mate@1 1.000. Smaller galleries pay a few milliseconds for it.
     */
    static final int MIN_CANDIDATES = 700;

    private FaceSearch() {}

    static Identification identify(IndexSearcher searcher, float[] probe, SubjectFilter filter, int k,
                                   FaceVectorEncoding encoding, java.util.function.Predicate<String> hidden)
            throws IOException {
        float[] unit = SubjectDocuments.unit(probe);
        int oversampling = encoding == FaceVectorEncoding.INT8 ? INT8_OVERSAMPLING : FLOAT_OVERSAMPLING;
        int ask = Math.max(MIN_CANDIDATES, (int) Math.min(10_000L, (long) k * oversampling));
        Query filterQuery = Filters.of(filter);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(SubjectDocuments.FACE, unit, ask, filterQuery), ask);
        long searched = searcher.count(filterQuery == null ? new FieldExistsQuery(SubjectDocuments.FACE)
                : new BooleanQuery.Builder().add(new FieldExistsQuery(SubjectDocuments.FACE), BooleanClause.Occur.FILTER)
                        .add(filterQuery, BooleanClause.Occur.FILTER).build());
        ScoreDoc[] hits = top.scoreDocs.clone();
        Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Candidate> candidates = new ArrayList<>(hits.length);
        int currentLeaf = -1;
        FloatVectorValues vectors = null;
        KnnVectorValues.DocIndexIterator iterator = null;
        SortedDocValues ids = null;
        LeafReaderContext leaf = null;
        for (ScoreDoc hit : hits) {
            int leafIndex = ReaderUtil.subIndex(hit.doc, leaves);
            if (leafIndex != currentLeaf) {
                currentLeaf = leafIndex;
                leaf = leaves.get(leafIndex);
                vectors = leaf.reader().getFloatVectorValues(SubjectDocuments.FACE);
                iterator = vectors == null ? null : vectors.iterator();
                ids = leaf.reader().getSortedDocValues(SubjectDocuments.ID);
            }
            int doc = hit.doc - leaf.docBase;
            if (iterator == null || iterator.advance(doc) != doc || ids == null || !ids.advanceExact(doc)) {
                continue;
            }
            String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            if (hidden.test(id)) {
                continue;
            }
            double cosine = dot(unit, vectors.vectorValue(iterator.index()));
            candidates.add(new Candidate(id, cosine, OptionalDouble.of(cosine), Map.of()));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::subjectId));
        return new Identification(candidates.subList(0, Math.min(k, candidates.size())), searched, hits.length,
                List.of());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return Math.max(-1, Math.min(1, sum));
    }
}
