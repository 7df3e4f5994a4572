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

    /** The top candidate of a probe: its gallery position (−1 for none) and its score. */
    record Top(int position, double score) {
        static final Top NONE = new Top(-1, Double.NEGATIVE_INFINITY);
    }

    /** A 1:N search over a gallery: the top candidate of a probe image (an index into the captures). */
    @FunctionalInterface
    interface Search {
        Top top(int probe);
    }

    /** Makes the search over the gallery images (capture indices, in gallery-position order). */
    @FunctionalInterface
    interface SearchFactory {
        Search over(int[] galleryImages);
    }

    /** Identification by exhaustive search (every gallery image compared with the probe). */
    static Map<String, Object> run(LfwCaptures captures, Map<String, List<LfwImage>> byPerson, double[] fpirTargets) {
        return run(captures, byPerson, fpirTargets, g -> probe -> {
            int top = best(captures, probe, g);
            return top < 0 ? Top.NONE : new Top(top, captures.score(probe, g[top]));
        });
    }

    /** Identification with the given 1:N search (the gallery's index, or the exhaustive scan). */
    static Map<String, Object> run(LfwCaptures captures, Map<String, List<LfwImage>> byPerson, double[] fpirTargets,
            SearchFactory searches) {
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
        Search search = searches.over(g);
        double[] matedBest = new double[mated.size()];
        boolean[] rank1 = new boolean[mated.size()];
        IntStream.range(0, mated.size()).parallel().forEach(k -> {
            int probe = mated.get(k)[0];
            Top top = probe < 0 || !captures.captured(probe) ? Top.NONE : search.top(probe);
            rank1[k] = top.position() >= 0 && top.position() == mated.get(k)[1];
            matedBest[k] = top.score();
        });
        double[] nonMatedBest = nonMated.stream().parallel().mapToDouble(p ->
                p < 0 || !captures.captured(p) ? Double.NEGATIVE_INFINITY : search.top(p).score()).toArray();

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
