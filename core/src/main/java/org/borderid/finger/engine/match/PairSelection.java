package org.borderid.finger.engine.match;

import java.util.Arrays;

/**
 * Picks the most similar minutia pairs, each minutia at most once: a greedy one-to-one assignment in descending
 * order of local similarity. (MCC 2010's LSS takes the top values of the similarity matrix and may reuse a minutia;
 * one-to-one selection keeps one strong minutia from filling the pair list on its own, as LSA does.)
 */
final class PairSelection {
    private static final boolean LSS = Boolean.getBoolean("x.lss");
    private PairSelection() {}

    /**
     * Sorts {@code pairs[0..count)} and selects up to {@code limit} pairs; writes their probe and candidate indices
     * and similarities to the output arrays and returns how many were selected.
     */
    static int select(long[] pairs, int count, int limit, int probeSize, int candidateSize,
                      int[] probe, int[] candidate, float[] similarity) {
        Arrays.sort(pairs, 0, count);
        boolean[] probeUsed = new boolean[probeSize];
        boolean[] candidateUsed = new boolean[candidateSize];
        int selected = 0;
        for (int i = count - 1; i >= 0 && selected < limit; i--) {
            long pair = pairs[i];
            int a = Pairs.probe(pair);
            int b = Pairs.candidate(pair);
            if (!LSS && (probeUsed[a] || candidateUsed[b])) {
                continue;
            }
            probeUsed[a] = true;
            candidateUsed[b] = true;
            probe[selected] = a;
            candidate[selected] = b;
            similarity[selected] = Pairs.similarity(pair);
            selected++;
        }
        return selected;
    }
}
