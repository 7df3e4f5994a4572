package org.borderid.finger.engine.match;

import java.util.Arrays;

/**
 * Geometric verification of a consolidated match: aligns the two templates with the pairs the relaxation trusted
 * most, then asks how much of the overlapping area the alignment explains. The factor is the share of the minutiae in
 * the overlap that find a partner, {@code min(1, m / sqrt((n₁ + s)(n₂ + s)))}: m matched pairs, n₁ probe minutiae
 * inside the aligned candidate's hull, n₂ aligned candidate minutiae inside the probe's hull, s = {@link #SMOOTHING}.
 *
 * <p>Relaxation alone rewards a small clique of mutually consistent pairs; impostors find such cliques by chance,
 * mostly between small templates. Genuine matches also explain the minutiae around the clique; chance cliques leave
 * them unexplained. Measured on FVC2000+FVC2002 (8 databases, BorderID's extractor, 194,560 impostors), mean over
 * the databases: EER 3.0 % → 2.3 %, FNMR at FMR 10⁻² 4.2 % → 3.0 %, at 10⁻³ 7.5 % → 5.5 %, at 10⁻⁴ 12.5 % → 9.6 %
 * (docs/fingerprint.md).
 *
 * <p>Two alignments are tried and the better counts: the weighted least-squares rotation and translation (2-D
 * Procrustes) of the anchor pairs, weighted by their relaxed similarity, and the alignment of the single strongest pair
 * ({@link #SINGLE_PAIR_HYPOTHESES}). Pairs match when their distance is within {@link #TOLERANCE} plus
 * {@link #TOLERANCE_GROWTH} times their mean distance from the anchors' centroids (elastic distortion grows away from
 * where the alignment was fitted) and their directions within {@link #MAX_DIRECTION_DIFFERENCE}; one-to-one, nearest
 * first. Every step treats the two templates alike, so the factor is symmetric.
 */
final class Verification {
    /**
     * Distance within which an aligned minutia finds its partner next to the anchors, pixels at 500 dpi. About one
     * ridge period (9–10 px) plus localisation error. Chosen a priori, not tuned.
     */
    static final float TOLERANCE = 12;
    /**
     * Growth of the tolerance with the distance from the anchors' centroid, pixels per pixel: elastic distortion of
     * up to about 10 % between impressions (Cappelli, Maio, Maltoni, "Modelling plastic distortion in fingerprint
     * images", ICAPR 2001). Chosen a priori at 0.08, not tuned.
     */
    static final float TOLERANCE_GROWTH = 0.08f;
    /** Largest direction difference of a matched pair after alignment, steps of 2π/256 (21 ≈ 30°). A priori. */
    static final int MAX_DIRECTION_DIFFERENCE = 21;
    /**
     * Added to both overlap counts, minutiae: keeps tiny overlaps (1–2 minutiae, where a ratio means little) from
     * scoring a full factor. A priori.
     */
    static final float SMOOTHING = 2;

    /**
     * Alignments tried besides the fitted one: the pair with the highest relaxed similarity alone (its positions and
     * direction difference define a rotation and a translation), and so on for larger values. A second hypothesis
     * rescues genuine matches whose fit one wrong anchor spoilt. Measured on the 8 FVC databases with 0, 1, 3 and 5
     * (docs/fingerprint.md): 0 sends 1 % of genuine scores to 0; 1, 3 and 5 are within noise of each other, 1 is
     * cheapest and had the lightest tail.
     */
    static final int SINGLE_PAIR_HYPOTHESES = 1;

    private Verification() {}

    /** |steps| wrapped to [0, 128]. */
    private static float directionGap(float steps) {
        float wrapped = steps - Angles.STEPS * (float) Math.floor(steps / Angles.STEPS + 0.5f);
        return Math.abs(wrapped);
    }

    /**
     * The verification factor in [0, 1] for the relaxed pairs in the workspace: {@code n} selected pairs, relaxed
     * values in {@code w.current}, efficiency order in {@code w.order}, the last {@code anchors} of which anchor the
     * fitted alignment. The best of {@link #SINGLE_PAIR_HYPOTHESES} + 1 alignments counts.
     */
    static double factor(PreparedTemplate probe, PreparedTemplate candidate, Workspace w, int n, int anchors) {
        double best = fitted(probe, candidate, w, n, anchors);
        int hypotheses = Math.min(SINGLE_PAIR_HYPOTHESES, n);
        for (int h = 0; h < hypotheses && best < 1; h++) {
            int t = strongest(w, n, h);
            int a = w.probe[t];
            int b = w.candidate[t];
            int turn = Angles.difference(probe.direction[a], candidate.direction[b]);
            best = Math.max(best, explained(probe, candidate, w, probe.x[a], probe.y[a], candidate.x[b],
                    candidate.y[b], turn * Angles.RADIANS_PER_STEP));
        }
        return best;
    }

    /** The index of the pair with the (h+1)-th highest relaxed value (h is small: selection by repeated scans). */
    private static int strongest(Workspace w, int n, int h) {
        float[] relaxed = w.current;
        int[] taken = w.hypotheses;
        int best = -1;
        for (int t = 0; t < n; t++) {
            boolean used = false;
            for (int k = 0; k < h; k++) {
                used |= taken[k] == t;
            }
            if (!used && (best < 0 || relaxed[t] > relaxed[best])) {
                best = t;
            }
        }
        taken[h] = best;
        return best;
    }

    /** The factor for the weighted least-squares alignment of the anchors. */
    private static double fitted(PreparedTemplate probe, PreparedTemplate candidate, Workspace w, int n, int anchors) {
        // Weighted centroids and Procrustes rotation of the anchors (image coordinates, y down).
        double weight = 0;
        double px = 0;
        double py = 0;
        double qx = 0;
        double qy = 0;
        int first = Math.max(0, n - anchors);
        for (int i = n - 1; i >= first; i--) {
            int t = (int) w.order[i];
            double wt = Math.max(1e-6, w.current[t]);
            int a = w.probe[t];
            int b = w.candidate[t];
            weight += wt;
            px += wt * probe.x[a];
            py += wt * probe.y[a];
            qx += wt * candidate.x[b];
            qy += wt * candidate.y[b];
        }
        px /= weight;
        py /= weight;
        qx /= weight;
        qy /= weight;
        double dot = 0;
        double cross = 0;
        for (int i = n - 1; i >= first; i--) {
            int t = (int) w.order[i];
            double wt = Math.max(1e-6, w.current[t]);
            double ax = probe.x[w.probe[t]] - px;
            double ay = probe.y[w.probe[t]] - py;
            double bx = candidate.x[w.candidate[t]] - qx;
            double by = candidate.y[w.candidate[t]] - qy;
            dot += wt * (ax * bx + ay * by);
            cross += wt * (ax * by - ay * bx);
        }
        return explained(probe, candidate, w, (float) px, (float) py, (float) qx, (float) qy, Math.atan2(cross, dot));
    }

    /**
     * The share of the overlap explained by the alignment that takes candidate point (qx, qy) to probe point
     * (px, py) and rotates by {@code angle} radians (counter-clockwise as seen).
     */
    private static double explained(PreparedTemplate probe, PreparedTemplate candidate, Workspace w, float px,
                                    float py, float qx, float qy, double angle) {
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        // Rotation as seen on the image (counter-clockwise): (dx, dy) -> (dx cos + dy sin, -dx sin + dy cos).
        int cn = candidate.count;
        float[] tx = w.alignedX;
        float[] ty = w.alignedY;
        for (int j = 0; j < cn; j++) {
            float dx = candidate.x[j] - qx;
            float dy = candidate.y[j] - qy;
            tx[j] = px + dx * cos + dy * sin;
            ty[j] = py - dx * sin + dy * cos;
        }
        ConvexHull candidateHull = candidate.hull;
        int hn = candidateHull.size();
        float[] hx = w.hullX;
        float[] hy = w.hullY;
        for (int v = 0; v < hn; v++) {
            float dx = candidateHull.x(v) - qx;
            float dy = candidateHull.y(v) - qy;
            hx[v] = px + dx * cos + dy * sin;
            hy[v] = py - dx * sin + dy * cos;
        }
        int probeInOverlap = 0;
        for (int i = 0; i < probe.count; i++) {
            if (ConvexHull.contains(hx, hy, hn, probe.x[i], probe.y[i])) {
                probeInOverlap++;
            }
        }
        int candidateInOverlap = 0;
        ConvexHull probeHull = probe.hull;
        for (int j = 0; j < cn; j++) {
            if (probeHull.contains(tx[j], ty[j])) {
                candidateInOverlap++;
            }
        }
        int matched = match(probe, candidate, w, tx, ty, (float) (angle / Angles.RADIANS_PER_STEP), px, py, qx, qy);
        return Math.min(1, matched / Math.sqrt((probeInOverlap + SMOOTHING) * (candidateInOverlap + SMOOTHING)));
    }

    /**
     * One-to-one pairs within tolerance, nearest first; returns their number. Symmetric in the two templates: the
     * tolerance grows with the mean of both minutiae's distances from their anchor centroids (p and q), and directions
     * are compared with the unrounded rotation ({@code turn}, in steps).
     */
    private static int match(PreparedTemplate probe, PreparedTemplate candidate, Workspace w, float[] tx, float[] ty,
                             float turn, float px, float py, float qx, float qy) {
        float[] reach = w.reach;
        for (int j = 0; j < candidate.count; j++) {
            float dx = candidate.x[j] - qx;
            float dy = candidate.y[j] - qy;
            reach[j] = (float) Math.sqrt(dx * dx + dy * dy);
        }
        long[] close = w.close;
        int found = 0;
        for (int i = 0; i < probe.count; i++) {
            float ox = probe.x[i] - px;
            float oy = probe.y[i] - py;
            float own = (float) Math.sqrt(ox * ox + oy * oy);
            int direction = probe.direction[i];
            for (int j = 0; j < candidate.count; j++) {
                float dx = probe.x[i] - tx[j];
                float dy = probe.y[i] - ty[j];
                float d2 = dx * dx + dy * dy;
                float tolerance = TOLERANCE + TOLERANCE_GROWTH * 0.5f * (own + reach[j]);
                if (d2 <= tolerance * tolerance
                        && directionGap(direction - candidate.direction[j] - turn) <= MAX_DIRECTION_DIFFERENCE) {
                    close[found++] = ((long) Float.floatToRawIntBits(d2) << 32) | ((long) i << 16) | j;
                }
            }
        }
        Arrays.sort(close, 0, found);
        int stamp = w.nextStamp();
        int matched = 0;
        for (int k = 0; k < found; k++) {
            int i = (int) (close[k] >>> 16) & 0xFFFF;
            int j = (int) close[k] & 0xFFFF;
            if (w.probeStamp[i] != stamp && w.candidateStamp[j] != stamp) {
                w.probeStamp[i] = stamp;
                w.candidateStamp[j] = stamp;
                matched++;
            }
        }
        return matched;
    }
}
