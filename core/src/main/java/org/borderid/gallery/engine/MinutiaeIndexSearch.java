package org.borderid.gallery.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
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
 * First stage of fingerprint identification: ranks the gallery's fingers by how strongly their minutia cylinders
 * collide with the probe's in the minutiae index ({@link CylinderHashes}), reading the postings directly.
 *
 * <p>For each probe cylinder a and each gallery cylinder b of a finger, c(a, b) is the number of hash functions on which
 * they collide (the postings' positions say which b a term came from). A finger's index score is
 * <pre>    Σ_a max_b c(a, b)  /  √(cylinders of the finger)</pre>
 * the best collision count of each probe cylinder, summed, normalised for the larger chance that a finger with more
 * cylinders collides at random. Measured on FVC + synthetic distractors against the alternatives (summing all
 * collisions, squared or thresholded counts, the best ten cylinders, other normalisations) in docs/gallery.md.
 *
 * <p>Cost: one seek per probe term and a visit of every posting of those terms, O(probe cylinders × H × bucket size);
 * the bucket size grows linearly with the gallery.
 */
public final class MinutiaeIndexSearch {
    /**
     * Exponent of the cylinder-count normalisation: 0.5 measured best (0 favours large templates, 1 small ones; docs/
     * gallery.md).
     */
    static final double NORMALISATION_EXPONENT = 0.5;

    /** Numeric doc values on finger documents: how many cylinders the finger has terms for. */
    public static final String CYLINDERS = "ncyl";

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private MinutiaeIndexSearch() {}

    /** A finger document found by the index, with its score. */
    public record Hit(int leaf, int doc, float score) {}

    /** The ranked fingers and how many fingers the scope holds. */
    public record Result(List<Hit> hits, long inScope, long postingsVisited) {}

    /**
     * The {@code limit} best-scoring fingers among those matching {@code scope}, best first (ties by document order).
     *
     * @param probe the probe's hashes, {@code [cylinder][function]} ({@link CylinderHashes#of})
     * @param scope which finger documents may be returned (kind, position, lists, agency)
     */
    public static Result search(IndexSearcher searcher, int[][] probe, Query scope, int limit) throws IOException {
        byte[][][] terms = new byte[probe.length][][];
        for (int a = 0; a < probe.length; a++) {
            terms[a] = new byte[probe[a].length][];
            for (int f = 0; f < probe[a].length; f++) {
                terms[a][f] = probe[a][f] == CylinderHashes.EXCLUDED ? null : CylinderHashes.term(f, probe[a][f]);
            }
        }
        Weight weight = searcher.createWeight(searcher.rewrite(scope), ScoreMode.COMPLETE_NO_SCORES, 1f);
        TopHits top = new TopHits(limit);
        long inScope = 0;
        long visited = 0;
        Scratch scratch = SCRATCH.get();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet accept = acceptedDocs(weight, leaf);
            if (accept == null) {
                continue;
            }
            inScope += accept.cardinality();
            Terms leafTerms = leaf.reader().terms(SubjectDocuments.MINUTIAE);
            if (leafTerms == null) {
                continue;
            }
            visited += scoreLeaf(leaf, leafTerms.iterator(), terms, accept, scratch, top);
        }
        return new Result(top.sorted(), inScope, visited);
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

    private static long scoreLeaf(LeafReaderContext leaf, TermsEnum termsEnum, byte[][][] terms, FixedBitSet accept,
                                  Scratch s, TopHits top) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        s.reserve(maxDoc);
        long visited = 0;
        PostingsEnum postings = null;
        BytesRef ref = new BytesRef();
        int touchedDocs = 0;
        for (byte[][] cylinder : terms) {
            s.counts.clear();
            for (byte[] term : cylinder) {
                if (term == null) {
                    continue;
                }
                ref.bytes = term;
                ref.offset = 0;
                ref.length = term.length;
                if (!termsEnum.seekExact(ref)) {
                    continue;
                }
                postings = termsEnum.postings(postings, PostingsEnum.POSITIONS);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (!accept.get(doc)) {
                        continue;
                    }
                    int freq = postings.freq();
                    visited += freq;
                    for (int i = 0; i < freq; i++) {
                        s.counts.increment(((long) doc << 8) | postings.nextPosition());
                    }
                }
            }
            // Best collision count of this probe cylinder per finger.
            int bestDocs = 0;
            for (int i = 0, n = s.counts.size(); i < n; i++) {
                int doc = (int) (s.counts.keyAt(i) >>> 8);
                int count = s.counts.valueAt(i);
                int previous = s.best[doc];
                if (previous == 0) {
                    s.bestDocs[bestDocs++] = doc;
                }
                if (count > previous) {
                    s.best[doc] = count;
                }
            }
            for (int i = 0; i < bestDocs; i++) {
                int doc = s.bestDocs[i];
                if (s.sum[doc] == 0) {
                    s.touched[touchedDocs++] = doc;
                }
                s.sum[doc] += s.best[doc];
                s.best[doc] = 0;
            }
        }
        NumericDocValues cylinders = leaf.reader().getNumericDocValues(CYLINDERS);
        Arrays.sort(s.touched, 0, touchedDocs); // doc values iterate forward
        for (int i = 0; i < touchedDocs; i++) {
            int doc = s.touched[i];
            int sum = s.sum[doc];
            s.sum[doc] = 0;
            long n = cylinders != null && cylinders.advanceExact(doc) ? cylinders.longValue() : 1;
            top.offer(leaf.ord, doc, (float) (sum / Math.sqrt(Math.max(1, n))));
        }
        return visited;
    }

    /** Per-thread scratch arrays, grown to the largest segment seen. */
    private static final class Scratch {
        final LongIntCounter counts = new LongIntCounter();
        int[] sum = new int[0];
        int[] best = new int[0];
        int[] bestDocs = new int[0];
        int[] touched = new int[0];

        void reserve(int maxDoc) {
            if (sum.length < maxDoc) {
                sum = new int[maxDoc];
                best = new int[maxDoc];
                bestDocs = new int[maxDoc];
                touched = new int[maxDoc];
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
