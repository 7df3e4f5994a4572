package org.borderid.finger.engine.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.borderid.finger.MinutiaType;

/**
 * Stage 13: removes the false minutiae that the skeleton graph cannot see by itself:
 * <ul>
 *   <li><b>borders</b>: minutiae nearer the foreground edge than {@link #BORDER} ridge periods, and endings whose
 *       ridge, continued past the tip, leaves the foreground within {@link #BORDER_REACH} periods: there the ridge is
 *       cut by the edge of the print or the sensor, not ended by the finger;</li>
 *   <li><b>breaks</b>: two endings facing each other across a short gap along the ridge flow, one ridge interrupted
 *       by a crease, dirt or dryness;</li>
 *   <li><b>clusters</b>: minutiae crowded closer than any two real ones are, the signature of noise
 *       ({@link #CLUSTER_RADIUS}, {@link #CLUSTER_SIZE});</li>
 *   <li><b>unreliable areas</b>: minutiae where the orientation field is unreliable ({@link #MIN_RELIABILITY}) or
 *       the ridges have almost no contrast ({@link #MIN_RELATIVE_CONTRAST}).</li>
 * </ul>
 * At most {@link #MAX_MINUTIAE} minutiae are kept (the best by quality): the most a standard record holds.
 */
public final class MinutiaeFilter {
    /**
     * Smallest distance to the foreground edge, ridge periods (1 × 9 px ≈ 0.46 mm). On FVC, 0.7..1.0 measured best;
     * 1.5 cost 0.3 and 2.0 0.8 points of mean EER (the matcher profits from minutiae near the rim).
     */
    public static final double BORDER = 1.0;
    /**
     * How far past an ending's tip the foreground must continue, ridge periods. A real ending has ridge-free print
     * beyond its tip; an ending at the rim of the print points straight out of it.
     */
    public static final double BORDER_REACH = 2.0;
    /** Largest gap between two facing endings joined as one ridge, ridge periods (none: 0.2, 2.5: 0.3 points worse). */
    public static final double GAP = 1.8;
    /** Largest angle between the two endings' directions and the gap's own direction, degrees. */
    public static final double GAP_ANGLE = 35;
    /** Radius within which minutiae count as crowded, ridge periods. */
    public static final double CLUSTER_RADIUS = 1.0;
    /** Minutiae (the one tested included) within {@link #CLUSTER_RADIUS} that make a cluster (off: about equal). */
    public static final int CLUSTER_SIZE = 3;
    /**
     * Smallest ridge contrast at a minutia relative to the image's strong ridges ({@link
     * ForegroundMask#relativeContrastAt}). Blank, saturated or washed-out patches inside the print have almost no
     * signal, and the enhancement's sign there is noise. 0.1 measured marginally better on FVC than 0 (both
     * matchers); 0.2 worse, 0.3 clearly worse (faint but real ridges).
     */
    public static final double MIN_RELATIVE_CONTRAST = 0.1;
    /**
     * Smallest orientation reliability (0..1) at a minutia. Reliability also drops around cores and deltas, so this
     * is a floor against noise only: on FVC 0 measured 0.1, 0.2 0.5 and 0.4 eight points of mean EER worse.
     */
    public static final double MIN_RELIABILITY = 0.1;
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
        // breaks and clusters look at the raw neighbourhood, so they are decided before anything is dropped;
        // neighbours are looked up in square buckets so that a noisy image with many candidates stays linear
        int bucket = (int) Math.ceil(Math.max(GAP, CLUSTER_RADIUS) * FrequencyEstimator.MAX_PERIOD);
        int bucketCols = mask.grid().width() / bucket + 1;
        int bucketRows = mask.grid().height() / bucket + 1;
        int[] head = new int[bucketCols * bucketRows];
        int[] next = new int[n];
        Arrays.fill(head, -1);
        for (int i = n - 1; i >= 0; i--) {
            int b = bucketOf(candidates.get(i), bucket, bucketCols, bucketRows);
            next[i] = head[b];
            head[b] = i;
        }
        for (int i = 0; i < n; i++) {
            MinutiaCandidate a = candidates.get(i);
            int bx = Math.clamp((int) (a.x() / bucket), 0, bucketCols - 1);
            int by = Math.clamp((int) (a.y() / bucket), 0, bucketRows - 1);
            int crowd = 1;
            for (int yy = Math.max(0, by - 1); yy <= Math.min(bucketRows - 1, by + 1); yy++) {
                for (int xx = Math.max(0, bx - 1); xx <= Math.min(bucketCols - 1, bx + 1); xx++) {
                    for (int j = head[yy * bucketCols + xx]; j >= 0; j = next[j]) {
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
            if (drop[i] || !mask.isInterior(x, y, BORDER * period[i]) || pointsOutOfPrint(m, mask, period[i])
                    || orientation.reliabilityAt(m.x(), m.y()) < MIN_RELIABILITY
                    || mask.relativeContrastAt(m.x(), m.y()) < MIN_RELATIVE_CONTRAST) {
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

    private static int bucketOf(MinutiaCandidate m, int bucket, int cols, int rows) {
        return Math.clamp((int) (m.y() / bucket), 0, rows - 1) * cols + Math.clamp((int) (m.x() / bucket), 0, cols - 1);
    }

    /** An ending whose ridge, continued beyond the tip, leaves the foreground (its direction points into the ridge). */
    private static boolean pointsOutOfPrint(MinutiaCandidate m, ForegroundMask mask, double period) {
        if (m.type() != MinutiaType.ENDING) {
            return false;
        }
        double reach = BORDER_REACH * period;
        int x = (int) Math.round(m.x() - reach * m.dx());
        int y = (int) Math.round(m.y() - reach * m.dy());
        return !mask.contains(x, y);
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
