package org.borderid.bench.face;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.borderid.fixtures.lfw.LfwImage;

/**
 * Scores every pair of a set of images (each unordered pair once) into a mated and a non-mated histogram: tens of
 * millions of pairs for LFW's View 1 training people, exhaustively rather than sampled.
 *
 * @param mated    scores of pairs of one person
 * @param nonMated scores of pairs of two people
 */
record AllPairs(ScoreHistogram mated, ScoreHistogram nonMated) {
    /** Scores all pairs of the images (those not captured score −∞) on {@code threads} threads. */
    static AllPairs score(LfwCaptures captures, List<LfwImage> images, int threads) throws InterruptedException {
        int[] idx = images.stream().mapToInt(captures::indexOf).toArray();
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        int[] person = images.stream().mapToInt(im -> ids.computeIfAbsent(im.person(), k -> ids.size())).toArray();
        AtomicInteger nextRow = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<AllPairs>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    ScoreHistogram m = new ScoreHistogram();
                    ScoreHistogram n = new ScoreHistogram();
                    for (int i = nextRow.getAndIncrement(); i < idx.length; i = nextRow.getAndIncrement()) {
                        for (int j = i + 1; j < idx.length; j++) {
                            double s = captures.score(idx[i], idx[j]);
                            if (person[i] == person[j]) {
                                m.add(s);
                            } else {
                                n.add(s);
                            }
                        }
                    }
                    return new AllPairs(m, n);
                }));
            }
            ScoreHistogram mated = new ScoreHistogram();
            ScoreHistogram nonMated = new ScoreHistogram();
            for (Future<AllPairs> f : parts) {
                AllPairs p = f.get();
                mated.addAll(p.mated);
                nonMated.addAll(p.nonMated);
            }
            return new AllPairs(mated, nonMated);
        } catch (ExecutionException e) {
            throw new IllegalStateException("pair scoring failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
