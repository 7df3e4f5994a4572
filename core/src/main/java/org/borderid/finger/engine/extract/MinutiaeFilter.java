package org.borderid.finger.engine.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.borderid.finger.MinutiaType;

/**
 * Stage 12: removes the false minutiae that the skeleton graph cannot see by itself:
 * <ul>
 *   <li><b>borders</b>: minutiae nearer the foreground edge than {@link #BORDER} ridge periods, where ridges are cut
 *       by the edge of the print or the sensor, not ended by the finger;</li>
 *   <li><b>breaks</b>: two endings facing each other across a short gap along the ridge flow, one ridge interrupted
 *       by a crease, dirt or dryness;</li>
 *   <li><b>clusters</b>: minutiae crowded closer than any two real ones are, the signature of noise
 *       ({@link #CLUSTER_RADIUS}, {@link #CLUSTER_SIZE});</li>
 *   <li><b>unreliable areas</b>: minutiae where the orientation field is unreliable
 *       ({@link #MIN_RELIABILITY}).</li>
 * </ul>
 * At most {@link #MAX_MINUTIAE} minutiae are kept (the best by quality): the most a standard record holds.
 */
public final class MinutiaeFilter {
    /** Smallest distance to the foreground edge, ridge periods (1.5 × 9 px ≈ 0.7 mm). */
    public static final double BORDER = 1.5;
    /** Largest gap between two facing endings joined as one ridge, ridge periods. */
    public static final double GAP = 1.8;
    /** Largest angle between the two endings' directions and the gap's own direction, degrees. */
    public static final double GAP_ANGLE = 35;
    /** Radius within which minutiae count as crowded, ridge periods. */
    public static final double CLUSTER_RADIUS = 1.0;
    /** Minutiae (the one tested included) within {@link #CLUSTER_RADIUS} that make a cluster. */
    public static final int CLUSTER_SIZE = 3;
    /** Smallest orientation reliability (0..1) at a minutia. */
    public static final double MIN_RELIABILITY = 0.2;
    /** Most minutiae kept: 255, what an ISO/IEC 19794-2 or ANSI INCITS 378 record can hold. */
    public static final int MAX_MINUTIAE = 255;

    private MinutiaeFilter() {}

    public static List<MinutiaCandidate> filter(List<MinutiaCandidate> candidates, ForegroundMask mask,
            OrientationField orientation, FrequencyField frequency) {
        int n = candidates.size();
        boolean[] drop = new boolean[n];
        double[] period = new double[n];
        for (int i = 0; i < n; i++) {
            MinutiaCandidate m = candidates.get(i);
            period[i] = frequency.periodAt(m.x(), m.y());
        }
        // breaks and clusters look at the raw neighbourhood, so they are decided before anything is dropped
        for (int i = 0; i < n; i++) {
            MinutiaCandidate a = candidates.get(i);
            int crowd = 1;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                MinutiaCandidate b = candidates.get(j);
                double distance = a.distance(b);
                if (distance < CLUSTER_RADIUS * period[i]) {
                    crowd++;
                }
                if (j > i && distance < GAP * period[i] && isBreak(a, b)) {
                    drop[i] = true;
                    drop[j] = true;
                }
            }
            if (crowd >= CLUSTER_SIZE) {
                drop[i] = true;
            }
        }
        List<MinutiaCandidate> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MinutiaCandidate m = candidates.get(i);
            int x = Math.round(m.x());
            int y = Math.round(m.y());
            if (drop[i] || mask.distanceToEdge(x, y) < BORDER * period[i]
                    || orientation.reliabilityAt(m.x(), m.y()) < MIN_RELIABILITY) {
                continue;
            }
            kept.add(m);
        }
        if (kept.size() > MAX_MINUTIAE) {
            kept.sort(Comparator.comparingDouble(MinutiaCandidate::quality).reversed());
            kept = new ArrayList<>(kept.subList(0, MAX_MINUTIAE));
        }
        return kept;
    }

    /** Two endings whose ridges point away from each other along the line that joins them. */
    private static boolean isBreak(MinutiaCandidate a, MinutiaCandidate b) {
        if (a.type() != MinutiaType.ENDING || b.type() != MinutiaType.ENDING) {
            return false;
        }
        double gx = b.x() - a.x();
        double gy = b.y() - a.y();
        double norm = Math.hypot(gx, gy);
        if (norm == 0) {
            return true;
        }
        gx /= norm;
        gy /= norm;
        double cos = Math.cos(Math.toRadians(GAP_ANGLE));
        // a's ridge runs away from b (a points opposite to the gap), b's ridge away from a
        return -(a.dx() * gx + a.dy() * gy) >= cos && (b.dx() * gx + b.dy() * gy) >= cos;
    }
}
