package org.borderid.finger.engine.match;

/**
 * The 1:1 comparison pipeline: local similarities of all cylinder pairs, a one-to-one selection of the best pairs,
 * global consolidation by relaxation. Stateless and thread-safe.
 */
public final class MccMatcher {
    /**
     * Fewest minutiae with a valid cylinder a template needs to be compared at all; smaller templates score 0.
     * Four is the fewest pairs MCC 2010 averages into a score (min_nP).
     */
    public static final int MIN_VALID_MINUTIAE = Relaxation.MIN_SCORED_PAIRS;

    private MccMatcher() {}

    /** Similarity of the two prepared templates, 0..1. */
    public static double score(PreparedTemplate probe, PreparedTemplate candidate) {
        int probeSize = probe.validCount();
        int candidateSize = candidate.validCount();
        if (probeSize < MIN_VALID_MINUTIAE || candidateSize < MIN_VALID_MINUTIAE) {
            return 0;
        }
        int limit = (int) Math.min(Math.min(probeSize, candidateSize) * Double.parseDouble(System.getProperty("x.nr", "1")), Math.min(probeSize, candidateSize));
        Workspace w = Workspace.get().reserve(probe.count, candidate.count,
                LocalSimilarity.capacity(probe, candidate), limit);
        int found = LocalSimilarity.compute(probe, candidate, w.pairs);
        int selected = PairSelection.select(w, found, limit);
        return Relaxation.score(probe, candidate, w, selected, Relaxation.scoredPairs(probeSize, candidateSize));
    }
}
