package org.borderid.gallery.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.TemplateFormatException;
import org.borderid.gallery.Candidate;
import org.borderid.gallery.Identification;
import org.borderid.gallery.SubjectFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fingerprint identification: for each probe finger, the minutiae index ranks the gallery fingers of the same
 * position ({@link MinutiaeIndexSearch}), the best of them are compared with the full 1:1 matcher, and the subjects'
 * scores are fused over the probe fingers (sum of the per-finger matcher scores).
 *
 * <p>How many candidates are re-scored per probe finger: {@link #RESCORE_FRACTION} of the fingers in scope, at least
 * {@link #MIN_RESCORED} and at most {@link #MAX_RESCORED}: the penetration rate is bounded by the larger of the
 * fraction and {@code MIN_RESCORED / fingers}, and the cost per probe finger by {@code MAX_RESCORED} comparisons.
 */
public final class FingerSearch {
    /**
     * Share of the in-scope fingers re-scored with the full matcher per probe finger: 0.25%. Measured on the FVC dev
     * DBs with 100,000 synthetic distractors (docs/gallery.md, "Fingerprint 1:N accuracy"): rank-1 0.9286 at 0.25%,
     * the same as at 1% (0.9286) and 5% (0.9196), and at least the exhaustive scan's; the mate is in the re-scored list
     * for 95.4% of the probes at 0.25% against 97.0% at 1%, at a quarter of the comparisons (search CPU p50 18 ms
     * against 60 ms).
     */
    public static final double RESCORE_FRACTION = 0.0025;
    /** Fewest candidates re-scored per probe finger (small galleries are scanned almost whole). */
    public static final int MIN_RESCORED = 200;
    /**
     * Most candidates re-scored per probe finger: 2,000 comparisons (about 55 ms of one core with a warm template
     * cache) bound the latency of a search in a very large gallery (above 800,000 fingers in scope), where the
     * penetration falls below the fraction.
     */
    public static final int MAX_RESCORED = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(FingerSearch.class);

    private final TemplateCache cache;

    FingerSearch(long templateCacheBytes) {
        this.cache = new TemplateCache(templateCacheBytes);
    }

    /** Bytes of heap the template cache uses (estimate). */
    long cachedBytes() {
        return cache.usedBytes();
    }

    /**
     * Searches the gallery.
     *
     * @param probes   probe templates by position; {@link FingerPosition#UNKNOWN} searches every position
     * @param filter   the subjects to search
     * @param k        candidates to return
     * @param rescored candidates to re-score per probe finger, or −1 for the default rule
     * @param hidden   subject ids to leave out (pending deletions)
     */
    Identification identify(IndexSearcher searcher, Map<FingerPosition, FingerprintTemplate> probes,
                            SubjectFilter filter, int k, int rescored, java.util.function.Predicate<String> hidden)
            throws IOException {
        Map<String, Map<FingerPosition, Double>> perSubject = new HashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        long searched = 0;
        long compared = 0;
        for (Map.Entry<FingerPosition, FingerprintTemplate> probe : probes.entrySet()) {
            int[][] hashes = CylinderHashes.of(probe.getValue());
            Query scope = scope(probe.getKey(), filter);
            int limit = rescored >= 0 ? rescored : MAX_RESCORED;
            MinutiaeIndexSearch.Result result = MinutiaeIndexSearch.search(searcher, hashes, fields(probe.getKey()), scope,
                    limit);
            searched += result.inScope();
            int count = rescored >= 0 ? rescored : budget(result.inScope());
            List<MinutiaeIndexSearch.Hit> hits = result.hits().subList(0, Math.min(count, result.hits().size()));
            compared += hits.size();
            FingerprintMatcher matcher = new FingerprintMatcher(probe.getValue());
            for (Scored s : rescore(searcher, hits, matcher, unreadable)) {
                perSubject.computeIfAbsent(s.subject(), x -> new EnumMap<>(FingerPosition.class))
                        .merge(probe.getKey(), s.score(), Math::max);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Map<FingerPosition, Double>> e : perSubject.entrySet()) {
            if (hidden.test(e.getKey())) {
                continue;
            }
            double sum = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            candidates.add(new Candidate(e.getKey(), sum, OptionalDouble.empty(), e.getValue()));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(Candidate::subjectId));
        if (!unreadable.isEmpty()) {
            LOG.error("fingerprint search left out {} subject(s) whose stored template is damaged: {}",
                    unreadable.size(), unreadable);
        }
        return new Identification(candidates.subList(0, Math.min(k, candidates.size())), searched, compared,
                List.copyOf(unreadable));
    }

    /** The default number of candidates to re-score for a scope of {@code inScope} fingers. */
    static int budget(long inScope) {
        long byFraction = (long) Math.ceil(RESCORE_FRACTION * inScope);
        return (int) Math.max(MIN_RESCORED, Math.min(MAX_RESCORED, byFraction));
    }

    /** The minutiae index fields a probe at the position is searched in: its own, or every position's for UNKNOWN. */
    static List<String> fields(FingerPosition position) {
        if (position != FingerPosition.UNKNOWN) {
            return List.of(SubjectDocuments.minutiaeField(position));
        }
        List<String> all = new ArrayList<>();
        for (FingerPosition p : FingerPosition.values()) {
            if (p != FingerPosition.UNKNOWN) {
                all.add(SubjectDocuments.minutiaeField(p));
            }
        }
        return all;
    }

    /** Finger documents at the position (any position for UNKNOWN) of subjects passing the filter. */
    static Query scope(FingerPosition position, SubjectFilter filter) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new org.apache.lucene.index.Term(SubjectDocuments.KIND, SubjectDocuments.FINGER)),
                        BooleanClause.Occur.FILTER);
        if (position != FingerPosition.UNKNOWN) {
            q.add(new TermQuery(new org.apache.lucene.index.Term(SubjectDocuments.POSITION,
                    SubjectDocuments.positionValue(position))), BooleanClause.Occur.FILTER);
        }
        Filters.add(q, filter);
        return q.build();
    }

    private record Scored(String subject, double score) {}

    /** Compares the hits with the probe; hits are read segment by segment in document order. */
    private List<Scored> rescore(IndexSearcher searcher, List<MinutiaeIndexSearch.Hit> hits,
                                 FingerprintMatcher matcher, Set<String> unreadable) throws IOException {
        List<MinutiaeIndexSearch.Hit> ordered = new ArrayList<>(hits);
        ordered.sort(Comparator.comparingInt(MinutiaeIndexSearch.Hit::leaf).thenComparingInt(
                MinutiaeIndexSearch.Hit::doc));
        List<Scored> out = new ArrayList<>(ordered.size());
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int currentLeaf = -1;
        LeafReader reader = null;
        SortedDocValues ids = null;
        BinaryDocValues templates = null;
        for (MinutiaeIndexSearch.Hit hit : ordered) {
            if (hit.leaf() != currentLeaf) {
                currentLeaf = hit.leaf();
                reader = leaves.get(currentLeaf).reader();
                ids = reader.getSortedDocValues(SubjectDocuments.ID);
                templates = reader.getBinaryDocValues(SubjectDocuments.TEMPLATE);
            }
            String subject = ids != null && ids.advanceExact(hit.doc()) ? ids.lookupOrd(ids.ordValue()).utf8ToString()
                    : null;
            if (subject == null) {
                unreadable.add("(finger document without subject id)");
                continue;
            }
            FingerprintTemplate template = cache.get(reader, hit.doc());
            if (template == null) {
                if (templates == null || !templates.advanceExact(hit.doc())) {
                    unreadable.add(subject);
                    continue;
                }
                BytesRef bytes = templates.binaryValue();
                try {
                    template = cache.put(reader, hit.doc(), FingerprintTemplate.fromByteArray(
                            java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length)));
                } catch (TemplateFormatException e) {
                    unreadable.add(subject);
                    continue;
                }
            }
            out.add(new Scored(subject, matcher.match(template)));
        }
        return out;
    }
}
