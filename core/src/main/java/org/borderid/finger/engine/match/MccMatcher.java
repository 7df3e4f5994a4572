package org.borderid.finger.engine.match;

/**
 * The 1:1 comparison pipeline: local similarities of all cylinder pairs, a one-to-one selection of the best pairs,
 * global consolidation by relaxation, geometric verification of the overlap. Stateless and thread-safe.
 */
public final class MccMatcher {
    /**
     * Fewest minutiae with a valid cylinder a template needs to be compared at all; smaller templates score 0.
     * Four is the fewest pairs MCC 2010 averages into a score (min_nP).
     */
    public static final int MIN_VALID_MINUTIAE = Relaxation.MIN_SCORED_PAIRS;

    private MccMatcher() {}

    /** Similarity of the two prepared templates, 0..1: the relaxation score times the verification factor. */
    public static double score(PreparedTemplate probe, PreparedTemplate candidate) {
        int probeSize = probe.validCount();
        int candidateSize = candidate.validCount();
        if (probeSize < MIN_VALID_MINUTIAE || candidateSize < MIN_VALID_MINUTIAE) {
            return 0;
        }
        int limit = Math.min(probeSize, candidateSize); // n_R, MCC 2010 sec. 4.3
        Workspace w = Workspace.get().reserve(probe.count, candidate.count,
                LocalSimilarity.capacity(probe, candidate), limit);
        int found = LocalSimilarity.compute(probe, candidate, w.pairs);
        int selected = PairSelection.select(w, found, limit);
        int scored = Relaxation.scoredPairs(probeSize, candidateSize);
        double relaxed = Relaxation.score(probe, candidate, w, selected, scored);
        return relaxed == 0 ? 0 : relaxed * Verification.factor(probe, candidate, w, selected, scored);
    }
}
