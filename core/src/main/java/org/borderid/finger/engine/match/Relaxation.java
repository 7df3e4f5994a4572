package org.borderid.finger.engine.match;

import java.util.Arrays;

/**
 * Global consolidation by relaxation (MCC 2010 sec. 4.3, "LSS-R"): the similarity of each selected pair is
 * reinforced by the pairs geometrically compatible with it and weakened otherwise; the score is the mean relaxed
 * similarity of the pairs that kept most of their initial value.
 *
 * <p>Compatibility ρ(t, k) of pairs t = (a_t, b_t) and k = (a_k, b_k) is the product of three sigmoids of: the
 * difference of the distances a_t–a_k and b_t–b_k; the difference of the direction differences; the difference of
 * the radial angles (the direction of the segment t→k relative to minutia t's direction).
 */
final class Relaxation {
    /** Relaxation iterations n_rel. MCC 2010 table 2 (5). */
    static final int ITERATIONS = 5;
    /** Weight of a pair's own previous value in each iteration, w_R in [0, 1]. MCC 2010 table 2 (0.5). */
    static final float SELF_WEIGHT = 0.5f;
    /** Distance-difference sigmoid midpoint μ¹_ρ, pixels. MCC 2010 table 2 (5). */
    static final double DISTANCE_MIDPOINT = 5;
    /** Distance-difference sigmoid slope τ¹_ρ, 1/pixel. MCC 2010 table 2 (-8/5). */
    static final double DISTANCE_SLOPE = -8.0 / 5;
    /** Direction-difference sigmoid midpoint μ²_ρ, radians. MCC 2010 table 2 (π/12). */
    static final double DIRECTION_MIDPOINT = Math.PI / 12;
    /** Direction-difference sigmoid slope τ²_ρ, 1/radian. MCC 2010 table 2 (-30). */
    static final double DIRECTION_SLOPE = -30;
    /** Radial-angle sigmoid midpoint μ³_ρ, radians. MCC 2010 table 2 (π/12). */
    static final double RADIAL_MIDPOINT = Math.PI / 12;
    /** Radial-angle sigmoid slope τ³_ρ, 1/radian. MCC 2010 table 2 (-30). */
    static final double RADIAL_SLOPE = -30;
    /** Fewest pairs averaged into the score, min_nP. MCC 2010 table 2 (4). */
    static final int MIN_SCORED_PAIRS = 4;
    /** Most pairs averaged into the score, max_nP. MCC 2010 table 2 (12). */
    static final int MAX_SCORED_PAIRS = 12;
    /** Template size (valid cylinders) at which nP is halfway between min and max, μ_P. MCC 2010 table 2 (20). */
    static final double SCORED_PAIRS_MIDPOINT = 20;
    /** Slope of nP's sigmoid in the template size, τ_P, 1/minutia. MCC 2010 table 2 (2/5). */
    static final double SCORED_PAIRS_SLOPE = 2.0 / 5;

    /**
     * Compatibilities below this are treated as 0, so that the relaxation iterates over a sparse graph (a few percent
     * of all pairs of pairs) instead of the dense n_R² matrix. Unitless. A pair's support sums at most n_R such terms,
     * each weighted by a similarity below 1, against scores of 10⁻² and more. Measured on FVC2002 (ISO templates): no
     * change of any EER or FNMR at 10⁻⁴ against the dense relaxation; at 10⁻³ one DB1 EER moved by 0.07 points.
     */
    static final float MIN_COMPATIBILITY = 1e-4f;

    /**
     * ρ's factors as tables: distance differences sampled every 1/8 pixel (the sigmoid changes by under 2 % per step),
     * angle differences per angle step. Distance differences past the table are below {@link #MIN_COMPATIBILITY}.
     */
    private static final int DISTANCE_RESOLUTION = 8;
    private static final float[] DISTANCE_FACTOR = distanceFactors();
    private static final float[] DIRECTION_FACTOR = new float[Angles.HALF + 1];
    private static final float[] RADIAL_FACTOR = new float[Angles.HALF + 1];

    static {
        for (int s = 0; s <= Angles.HALF; s++) {
            DIRECTION_FACTOR[s] = sigmoid(s * Angles.RADIANS_PER_STEP, DIRECTION_MIDPOINT, DIRECTION_SLOPE);
            RADIAL_FACTOR[s] = sigmoid(s * Angles.RADIANS_PER_STEP, RADIAL_MIDPOINT, RADIAL_SLOPE);
        }
    }

    private Relaxation() {}

    /** The distance factor up to where it falls below {@link #MIN_COMPATIBILITY} (larger differences: no edge). */
    private static float[] distanceFactors() {
        int length = 0;
        while (sigmoid((double) length / DISTANCE_RESOLUTION, DISTANCE_MIDPOINT, DISTANCE_SLOPE) >= MIN_COMPATIBILITY) {
            length++;
        }
        float[] factors = new float[length];
        for (int i = 0; i < length; i++) {
            factors[i] = sigmoid((double) i / DISTANCE_RESOLUTION, DISTANCE_MIDPOINT, DISTANCE_SLOPE);
        }
        return factors;
    }

    /** The number of relaxed pairs averaged into the score for templates of these sizes (valid cylinders). */
    static int scoredPairs(int probeSize, int candidateSize) {
        double z = sigmoid(Math.min(probeSize, candidateSize), SCORED_PAIRS_MIDPOINT, SCORED_PAIRS_SLOPE);
        return MIN_SCORED_PAIRS + (int) Math.round(z * (MAX_SCORED_PAIRS - MIN_SCORED_PAIRS));
    }

    /**
     * Relaxes the {@code n} pairs selected into the workspace and returns the mean relaxed similarity of the
     * {@code scored} most efficient ones (missing pairs count as 0), in [0, 1]. Leaves the relaxed values in
     * {@code w.current} and the pairs in ascending order of efficiency in {@code w.order} (pair index in the low
     * 32 bits), for {@link Verification}.
     */
    static double score(PreparedTemplate probe, PreparedTemplate candidate, Workspace w, int n, int scored) {
        if (n < 2) {
            return 0;
        }
        int edges = compatibility(probe, candidate, w, n);
        int[] first = w.edgeFirst;
        int[] second = w.edgeSecond;
        float[] rho = w.edgeRho;
        float[] current = w.current;
        float[] support = w.support;
        System.arraycopy(w.similarity, 0, current, 0, n);
        float spread = (1 - SELF_WEIGHT) / (n - 1);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(support, 0, n, 0);
            for (int e = 0; e < edges; e++) {
                int t = first[e];
                int k = second[e];
                support[t] += rho[e] * current[k];
                support[k] += rho[e] * current[t];
            }
            for (int t = 0; t < n; t++) {
                current[t] = SELF_WEIGHT * current[t] + spread * support[t];
            }
        }
        // Efficiency: the share of its initial similarity a pair kept; average the most efficient pairs.
        long[] order = w.order;
        for (int t = 0; t < n; t++) {
            float efficiency = current[t] / w.similarity[t];
            order[t] = ((long) Float.floatToRawIntBits(efficiency) << 32) | t;
        }
        Arrays.sort(order, 0, n);
        double sum = 0;
        for (int i = n - 1; i >= Math.max(0, n - scored); i--) {
            sum += current[(int) order[i]];
        }
        return sum / scored;
    }

    /**
     * Writes ρ(t, k) for every t &lt; k with a value of at least {@link #MIN_COMPATIBILITY} to the workspace's
     * edge arrays and returns their number.
     */
    private static int compatibility(PreparedTemplate probe, PreparedTemplate candidate, Workspace w, int n) {
        int[] a = w.probe;
        int[] b = w.candidate;
        int pn = probe.count;
        int cn = candidate.count;
        int edges = 0;
        for (int t = 0; t < n; t++) {
            int at = a[t];
            int bt = b[t];
            for (int k = t + 1; k < n; k++) {
                int ak = a[k];
                int bk = b[k];
                float dd = Math.abs(probe.distance[at * pn + ak] - candidate.distance[bt * cn + bk]);
                int di = (int) (dd * DISTANCE_RESOLUTION);
                if (di >= DISTANCE_FACTOR.length) {
                    continue;
                }
                int directionA = Angles.difference(probe.direction[at], probe.direction[ak]);
                int directionB = Angles.difference(candidate.direction[bt], candidate.direction[bk]);
                int radialA = probe.radial[at * pn + ak] & 0xFF;
                int radialB = candidate.radial[bt * cn + bk] & 0xFF;
                float value = DISTANCE_FACTOR[di]
                        * DIRECTION_FACTOR[Angles.distance(directionA, directionB)]
                        * RADIAL_FACTOR[Angles.distance(radialA, radialB)];
                if (value >= MIN_COMPATIBILITY) {
                    w.edgeFirst[edges] = t;
                    w.edgeSecond[edges] = k;
                    w.edgeRho[edges] = value;
                    edges++;
                }
            }
        }
        return edges;
    }

    private static float sigmoid(double v, double midpoint, double slope) {
        return (float) (1 / (1 + Math.exp(-slope * (v - midpoint))));
    }
}
