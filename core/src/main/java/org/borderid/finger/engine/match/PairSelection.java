package org.borderid.finger.engine.match;

import java.util.Arrays;

/**
 * Picks the most similar minutia pairs, each minutia at most once: a greedy one-to-one assignment in descending
 * order of local similarity. (MCC 2010's LSS takes the top values of the similarity matrix and may reuse a minutia;
 * one-to-one selection keeps one strong minutia from filling the pair list on its own, as LSA does.)
 */
final class PairSelection {
    private PairSelection() {}

    /**
     * Selects up to {@code limit} pairs from {@code w.pairs[0..count)} (reordering them) into {@code w.probe},
     * {@code w.candidate} and {@code w.similarity}; returns how many were selected.
     */
    static int select(Workspace w, int count, int limit) {
        Arrays.sort(w.pairs, 0, count);
        return take(w, w.pairs, count, limit);
    }

    /** Greedy one-to-one pass over the pairs sorted in ascending order, from the top. */
    private static int take(Workspace w, long[] sorted, int count, int limit) {
        int stamp = w.nextStamp();
        int selected = 0;
        for (int i = count - 1; i >= 0 && selected < limit; i--) {
            long pair = sorted[i];
            int a = Pairs.probe(pair);
            int b = Pairs.candidate(pair);
            if (w.probeStamp[a] == stamp || w.candidateStamp[b] == stamp) {
                continue;
            }
            w.probeStamp[a] = stamp;
            w.candidateStamp[b] = stamp;
            w.probe[selected] = a;
            w.candidate[selected] = b;
            w.similarity[selected] = Pairs.similarity(pair);
            selected++;
        }
        return selected;
    }

}
