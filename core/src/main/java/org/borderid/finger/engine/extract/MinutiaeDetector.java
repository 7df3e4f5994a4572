package org.borderid.finger.engine.extract;

import java.util.ArrayList;
import java.util.List;
import org.borderid.finger.MinutiaType;

/**
 * Stage 12: reads minutiae off the pruned skeleton graph. A node with one line is a ridge ending, a node with three
 * lines a bifurcation (nodes with four or more lines are crossings of smeared ridges and are skipped).
 *
 * <p>Direction, in the ISO convention documented on {@link org.borderid.finger.Minutia}: the skeleton is followed
 * {@value #TRACE_PERIODS} ridge periods from the node (into the ridge for an ending; along the two lines of the fork
 * for a bifurcation, whose bisector points into the valley that ends there). That traced direction gives the sense;
 * the axis is taken from the smoothed orientation field when the two agree within {@value #AXIS_AGREEMENT}°, since the
 * field averages many ridges and is more precise than a few skeleton pixels.
 *
 * <p>Quality 0..1: the local ridge clarity (gradient coherence of the cell) times the orientation reliability.
 */
public final class MinutiaeDetector {
    /** How far the skeleton is followed for the direction, ridge periods (1.2 × 9 px ≈ 11 px; 2 measured the same). */
    public static final double TRACE_PERIODS = 1.2;
    /**
     * Largest disagreement between traced direction and field axis for the field to be used, degrees. Never using the
     * field (traced directions only) measured 0.2..0.5 points of mean EER worse on FVC.
     */
    public static final double AXIS_AGREEMENT = 40;

    private MinutiaeDetector() {}

    public static List<MinutiaCandidate> detect(SkeletonGraph graph, OrientationField orientation,
            FrequencyField frequency) {
        List<MinutiaCandidate> out = new ArrayList<>();
        for (SkeletonGraph.Node node : graph.nodes()) {
            int degree = node.degree();
            if (degree != 1 && degree != 3) {
                continue;
            }
            float distance = (float) (TRACE_PERIODS * frequency.periodAt(node.x, node.y));
            double vx;
            double vy;
            if (degree == 1) {
                int[] p = node.edges.get(0).pointFrom(node, distance);
                vx = p[0] - node.x;
                vy = p[1] - node.y;
            } else {
                double[][] v = new double[3][];
                for (int k = 0; k < 3; k++) {
                    int[] p = node.edges.get(k).pointFrom(node, distance);
                    double bx = p[0] - node.x;
                    double by = p[1] - node.y;
                    double norm = Math.hypot(bx, by);
                    v[k] = norm > 0 ? new double[] {bx / norm, by / norm} : new double[] {0, 0};
                }
                int stem = 0;
                double bestDot = -2;
                for (int k = 0; k < 3; k++) {
                    double[] a = v[(k + 1) % 3];
                    double[] b = v[(k + 2) % 3];
                    double dot = a[0] * b[0] + a[1] * b[1];
                    if (dot > bestDot) {
                        bestDot = dot;
                        stem = k;
                    }
                }
                vx = v[(stem + 1) % 3][0] + v[(stem + 2) % 3][0] - v[stem][0];
                vy = v[(stem + 1) % 3][1] + v[(stem + 2) % 3][1] - v[stem][1];
            }
            if (vx == 0 && vy == 0) {
                continue;
            }
            double traced = Math.atan2(vy, vx);
            double axis = orientation.angleAt(node.x, node.y);
            double diff = angleBetweenAxes(traced, axis);
            double angle = traced;
            if (diff <= Math.toRadians(AXIS_AGREEMENT)) {
                angle = Math.cos(traced - axis) >= 0 ? axis : axis + Math.PI;
            }
            float quality = orientation.coherenceAt(node.x, node.y) * orientation.reliabilityAt(node.x, node.y);
            quality = Math.max(0, Math.min(1, quality));
            MinutiaType type = degree == 1 ? MinutiaType.ENDING : MinutiaType.BIFURCATION;
            // pixel coordinates (y down) to the ISO angle (counter-clockwise as seen on the image)
            out.add(new MinutiaCandidate(node.x, node.y, -angle, type, quality));
        }
        return out;
    }

    /** Angle between two undirected axes, radians 0..π/2. */
    static double angleBetweenAxes(double a, double b) {
        double d = Math.abs(a - b) % Math.PI;
        return Math.min(d, Math.PI - d);
    }
}
