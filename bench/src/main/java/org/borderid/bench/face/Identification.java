package org.borderid.bench.face;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.borderid.fixtures.lfw.LfwImage;

/**
 * Open-set identification on LFW (1:N screening against a watchlist). The gallery holds the first image of every
 * person with at least two images; their other images are mated probes; the single image of every other person is a
 * non-mated probe. Each probe is compared with the whole gallery (exhaustive search); the candidate list is the top
 * one.
 *
 * <p>Figures (NIST FRVT / ISO/IEC 19795-1 definitions): rank-1 identification rate over mated probes; FPIR(t), the
 * fraction of non-mated probes whose best score is ≥ t; FNIR(t), the fraction of mated probes whose mate is not the
 * top candidate with a score ≥ t. A probe or gallery image without a face counts as a miss (mated) or as no alarm
 * (non-mated).
 */
final class Identification {
    private Identification() {}

    static Map<String, Object> run(LfwCaptures captures, Map<String, List<LfwImage>> byPerson, double[] fpirTargets) {
        List<Integer> gallery = new ArrayList<>();
        List<int[]> mated = new ArrayList<>(); // {probe index, gallery position}
        List<Integer> nonMated = new ArrayList<>();
        for (List<LfwImage> images : byPerson.values()) {
            if (images.size() >= 2) {
                int position = gallery.size();
                gallery.add(captures.indexOf(images.get(0)));
                for (LfwImage probe : images.subList(1, images.size())) {
                    mated.add(new int[] {captures.indexOf(probe), position});
                }
            } else {
                nonMated.add(captures.indexOf(images.get(0)));
            }
        }
        int[] g = gallery.stream().mapToInt(Integer::intValue).toArray();
        double[] matedBest = new double[mated.size()];
        boolean[] rank1 = new boolean[mated.size()];
        IntStream.range(0, mated.size()).parallel().forEach(k -> {
            int top = best(captures, mated.get(k)[0], g);
            rank1[k] = top >= 0 && top == mated.get(k)[1];
            matedBest[k] = top < 0 ? Double.NEGATIVE_INFINITY : captures.score(mated.get(k)[0], g[top]);
        });
        double[] nonMatedBest = nonMated.stream().parallel().mapToDouble(p -> {
            int top = best(captures, p, g);
            return top < 0 ? Double.NEGATIVE_INFINITY : captures.score(p, g[top]);
        }).toArray();

        long hits = IntStream.range(0, rank1.length).filter(k -> rank1[k]).count();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("gallery", g.length);
        r.put("gallery_without_face", Arrays.stream(g).filter(i -> !captures.captured(i)).count());
        r.put("mated_probes", mated.size());
        r.put("non_mated_probes", nonMated.size());
        r.put("rank1_identification_rate", (double) hits / mated.size());
        double[] sortedNonMated = nonMatedBest.clone();
        Arrays.sort(sortedNonMated);
        for (double target : fpirTargets) {
            // lowest threshold with FPIR <= target: the k-th highest non-mated best score, k = floor(target * n)
            int allowed = (int) Math.floor(target * sortedNonMated.length);
            double candidate = allowed == 0 ? Math.nextUp(sortedNonMated[sortedNonMated.length - 1])
                    : sortedNonMated[sortedNonMated.length - allowed];
            // ties at the threshold may push FPIR above target: step up past them
            while (fpir(sortedNonMated, candidate) > target) {
                candidate = Math.nextUp(candidate);
            }
            double threshold = candidate;
            long misses = IntStream.range(0, rank1.length).filter(k -> !rank1[k] || matedBest[k] < threshold)
                    .count();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("threshold", threshold);
            point.put("fpir", fpir(sortedNonMated, threshold));
            point.put("fnir", (double) misses / mated.size());
            r.put("at_fpir_" + EvalFacesCommand.rateKey(target), point);
        }
        return r;
    }

    private static double fpir(double[] sorted, double threshold) {
        int i = Arrays.binarySearch(sorted, threshold);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && sorted[i - 1] == threshold) {
                i--;
            }
        }
        return (double) (sorted.length - i) / sorted.length;
    }

    /** The gallery position scoring highest against the probe, or −1 (probe without a face or empty gallery). */
    private static int best(LfwCaptures captures, int probe, int[] gallery) {
        if (probe < 0 || !captures.captured(probe)) {
            return -1;
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < gallery.length; k++) {
            if (gallery[k] >= 0 && captures.captured(gallery[k])) {
                double s = captures.dot(probe, gallery[k]);
                if (s > bestScore) {
                    bestScore = s;
                    best = k;
                }
            }
        }
        return best;
    }
}
