package org.borderid.gallery.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * First stage of fingerprint identification: ranks the gallery's fingers by the minutiae index terms
 * ({@link CylinderHashes}) they share with the probe, reading the postings directly.
 *
 * <p>A finger's index score is an IDF-weighted count of the probe's distinct terms it holds, normalised by the number
 * of its cylinders:
 * <pre>    Σ_{t ∈ probe, df(t) ≤ stop} ln(N / df(t))  ·  [finger holds t]   /   √(cylinders of the finger)</pre>
 * N is the number of fingers in the position's field and df(t) how many of them hold t, both over the whole index
 * (every segment), so scores from different segments compare. The square root offsets the larger chance of a finger
 * with many cylinders to hold a term by chance (exponents 0.4 and 0.6 measured within one probe of it; 0 favours
 * large templates, 1 small ones). Terms held by more than {@link #STOP_FRACTION} of the
 * fingers (at least {@link #STOP_MIN_FINGERS}) are skipped, like stop words: a hash of the cells most cylinders set
 * says little about which finger this is (idf below ln 200 ≈ 5.3), yet those few terms carry most of the postings.
 * Measured on the FVC dev impressions against 20,000 and 100,000 synthetic distractors (docs/gallery.md, "Minutiae
 * index scoring"): skipping them visits 9 times fewer postings with the same or a better list hit rate, and the IDF
 * weight ranks the mate higher than a plain count at small penetration.
 *
 * <p>Cost: one seek per distinct probe term and segment, then a visit of every posting of the terms kept, at most
 * {@code stop} postings each: O(probe terms × stop), linear in the gallery size but with a small constant (about
 * 200,000 postings per probe at 100,000 fingers).
 */
public final class MinutiaeIndexSearch {
    /**
     * Terms held by more than this share of the position's fingers are not searched: 0.5%. Measured at 100,000
     * distractors: 0.3% loses up to a point of list hit rate, 1% and 2% visit 2 and 3 times the postings for no gain.
     */
    public static final double STOP_FRACTION = 0.005;
    /**
     * The stop rule never skips a term held by this many fingers or fewer: 100, so galleries below 20,000 fingers
     * (where the search is cheap anyway and document frequencies are noisy) skip only terms above 100 fingers.
     */
    public static final int STOP_MIN_FINGERS = 100;

    /** Numeric doc values on finger documents: how many cylinders the finger has terms for. */
    public static final String CYLINDERS = "ncyl";

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** Per-segment normalisation factors, by segment core (segments are immutable; removed when closed). */
    private static final java.util.concurrent.ConcurrentHashMap<IndexReader.CacheKey, float[]> NORMS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private MinutiaeIndexSearch() {}

    /** A finger document found by the index, with its score. */
    public record Hit(int leaf, int doc, float score) {}

    /**
     * The ranked fingers, how many fingers the scope holds, and the work done: postings visited and probe terms
     * skipped as too common.
     */
    public record Result(List<Hit> hits, long inScope, long postingsVisited, int termsSkipped) {}

    /**
     * The {@code limit} best-scoring fingers among those matching {@code scope}, best first (ties by document order).
     *
     * @param probe  the probe's hashes, {@code [cylinder][function]} ({@link CylinderHashes#of})
     * @param fields the minutiae index fields to search ({@link SubjectDocuments#minutiaeField}); each ranked with its
     *               own statistics, one list of hits
     * @param scope  which finger documents may be returned (kind, position, lists, agency)
     */
    public static Result search(IndexSearcher searcher, int[][] probe, List<String> fields, Query scope, int limit)
            throws IOException {
        BytesRef[] terms = distinctTerms(probe);
        Weight weight = searcher.createWeight(searcher.rewrite(scope), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet[] accept = new FixedBitSet[leaves.size()];
        long inScope = 0;
        for (LeafReaderContext leaf : leaves) {
            accept[leaf.ord] = acceptedDocs(weight, leaf);
            inScope += accept[leaf.ord] == null ? 0 : accept[leaf.ord].cardinality();
        }
        TopHits top = new TopHits(limit);
        long visited = 0;
        int skipped = 0;
        Scratch scratch = SCRATCH.get();
        for (String field : fields) {
            FieldStatistics stats = FieldStatistics.of(leaves, field, terms);
            if (stats.fingers() == 0) {
                continue;
            }
            float[] weights = new float[terms.length];
            long stop = Math.max(STOP_MIN_FINGERS, (long) Math.floor(STOP_FRACTION * stats.fingers()));
            for (int t = 0; t < terms.length; t++) {
                long df = stats.docFreq()[t];
                if (df > stop) {
                    skipped++;
                } else if (df > 0) {
                    weights[t] = (float) Math.log((double) stats.fingers() / df);
                }
            }
            for (LeafReaderContext leaf : leaves) {
                if (accept[leaf.ord] != null) {
                    visited += scoreLeaf(leaf, field, terms, stats.states()[leaf.ord], weights, accept[leaf.ord],
                            scratch, top);
                }
            }
        }
        return new Result(top.sorted(), inScope, visited, skipped);
    }

    /** The probe's distinct terms, sorted (Lucene's term order, so the seeks move forward). */
    static BytesRef[] distinctTerms(int[][] probe) {
        int[] keys = new int[probe.length * CylinderHashes.FUNCTIONS];
        int n = 0;
        for (int[] cylinder : probe) {
            for (int f = 0; f < cylinder.length; f++) {
                if (cylinder[f] != CylinderHashes.EXCLUDED) {
                    keys[n++] = f << CylinderHashes.VALUE_BITS | cylinder[f];
                }
            }
        }
        Arrays.sort(keys, 0, n);
        List<BytesRef> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                int f = keys[i] >>> CylinderHashes.VALUE_BITS;
                out.add(new BytesRef(CylinderHashes.term(f, keys[i] & ((1 << CylinderHashes.VALUE_BITS) - 1))));
            }
        }
        return out.toArray(BytesRef[]::new);
    }

    /**
     * A field's statistics over every segment: fingers holding at least one term, each probe term's document
     * frequency, and where each term sits in each segment (so the scoring pass does not seek twice).
     */
    private record FieldStatistics(long fingers, long[] docFreq, TermState[][] states) {
        static FieldStatistics of(List<LeafReaderContext> leaves, String field, BytesRef[] terms) throws IOException {
            long fingers = 0;
            long[] docFreq = new long[terms.length];
            TermState[][] states = new TermState[leaves.size()][];
            for (LeafReaderContext leaf : leaves) {
                Terms leafTerms = leaf.reader().terms(field);
                if (leafTerms == null) {
                    continue;
                }
                fingers += leafTerms.getDocCount();
                TermsEnum termsEnum = leafTerms.iterator();
                TermState[] leafStates = new TermState[terms.length];
                for (int t = 0; t < terms.length; t++) {
                    if (termsEnum.seekExact(terms[t])) {
                        docFreq[t] += termsEnum.docFreq();
                        leafStates[t] = termsEnum.termState();
                    }
                }
                states[leaf.ord] = leafStates;
            }
            return new FieldStatistics(fingers, docFreq, states);
        }
    }

    /** The live documents of the leaf matching the scope, or null if none. */
    private static FixedBitSet acceptedDocs(Weight weight, LeafReaderContext leaf) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return null;
        }
        Bits live = leaf.reader().getLiveDocs();
        FixedBitSet accept = new FixedBitSet(leaf.reader().maxDoc());
        DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (live == null || live.get(doc)) {
                accept.set(doc);
            }
        }
        return accept;
    }

    private static long scoreLeaf(LeafReaderContext leaf, String field, BytesRef[] terms, TermState[] states,
                                  float[] weights, FixedBitSet accept, Scratch s, TopHits top) throws IOException {
        if (states == null) {
            return 0;
        }
        Terms leafTerms = leaf.reader().terms(field);
        TermsEnum termsEnum = leafTerms.iterator();
        int maxDoc = leaf.reader().maxDoc();
        s.reserve(maxDoc);
        float[] sum = s.sum;
        long visited = 0;
        PostingsEnum postings = null;
        for (int t = 0; t < terms.length; t++) {
            if (states[t] == null || weights[t] == 0) {
                continue;
            }
            termsEnum.seekExact(terms[t], states[t]);
            postings = termsEnum.postings(postings, PostingsEnum.NONE);
            float w = weights[t];
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                sum[doc] += w;
                visited++;
            }
        }
        float[] norms = norms(leaf);
        for (int doc = accept.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = doc + 1 < maxDoc ? accept.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            float score = sum[doc];
            if (score != 0) {
                top.offer(leaf.ord, doc, score * norms[doc]);
            }
        }
        Arrays.fill(sum, 0, maxDoc, 0f);
        return visited;
    }

    /**
     * 1/√(cylinders) of every document of the segment (0 for documents without minutiae terms), read once per segment
     * from the {@link #CYLINDERS} doc values and kept until the segment is closed: 4 bytes per document.
     */
    private static float[] norms(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return readNorms(leaf);
        }
        float[] cached = NORMS.get(helper.getKey());
        if (cached == null) {
            cached = readNorms(leaf);
            if (NORMS.putIfAbsent(helper.getKey(), cached) == null) {
                helper.addClosedListener(NORMS::remove);
            }
        }
        return cached;
    }

    private static float[] readNorms(LeafReaderContext leaf) throws IOException {
        float[] norms = new float[leaf.reader().maxDoc()];
        NumericDocValues cylinders = leaf.reader().getNumericDocValues(CYLINDERS);
        if (cylinders != null) {
            for (int doc = cylinders.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = cylinders.nextDoc()) {
                norms[doc] = (float) (1 / Math.sqrt(Math.max(1, cylinders.longValue())));
            }
        }
        return norms;
    }

    /** Per-thread scratch: a score per document, grown to the largest segment seen, all zero between searches. */
    private static final class Scratch {
        float[] sum = new float[0];

        void reserve(int maxDoc) {
            if (sum.length < maxDoc) {
                sum = new float[maxDoc];
            }
        }
    }

    /** The best hits seen, as a bounded min-heap. */
    private static final class TopHits {
        private final int limit;
        private final List<Hit> heap = new ArrayList<>();

        TopHits(int limit) {
            this.limit = limit;
        }

        void offer(int leaf, int doc, float score) {
            if (heap.size() == limit && (limit == 0 || score < heap.get(0).score())) {
                return; // the common case in a large gallery: below the worst kept hit
            }
            if (heap.size() < limit) {
                heap.add(new Hit(leaf, doc, score));
                siftUp(heap.size() - 1);
            } else if (limit > 0 && worse(heap.get(0), score, leaf, doc)) {
                heap.set(0, new Hit(leaf, doc, score));
                siftDown(0);
            }
        }

        /** Whether h ranks below (score, leaf, doc): lower score, or equal score and later document. */
        private static boolean worse(Hit h, float score, int leaf, int doc) {
            return h.score() < score || h.score() == score && (h.leaf() > leaf || h.leaf() == leaf && h.doc() > doc);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                Hit h = heap.get(i);
                if (!worse(h, heap.get(parent).score(), heap.get(parent).leaf(), heap.get(parent).doc())) {
                    break;
                }
                heap.set(i, heap.get(parent));
                heap.set(parent, h);
                i = parent;
            }
        }

        private void siftDown(int i) {
            int n = heap.size();
            while (true) {
                int left = 2 * i + 1;
                int smallest = i;
                for (int c = left; c <= left + 1 && c < n; c++) {
                    Hit candidate = heap.get(c);
                    Hit current = heap.get(smallest);
                    if (worse(candidate, current.score(), current.leaf(), current.doc())) {
                        smallest = c;
                    }
                }
                if (smallest == i) {
                    return;
                }
                Hit h = heap.get(i);
                heap.set(i, heap.get(smallest));
                heap.set(smallest, h);
                i = smallest;
            }
        }

        List<Hit> sorted() {
            List<Hit> out = new ArrayList<>(heap);
            out.sort((x, y) -> worse(x, y.score(), y.leaf(), y.doc()) ? 1 : worse(y, x.score(), x.leaf(), x.doc())
                    ? -1 : 0);
            return out;
        }
    }
}
