package org.borderid.finger.engine.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 11: removes the skeleton structures that thinning makes out of noise, before minutiae are read from it
 * (structural false minutiae, Maio &amp; Maltoni 1997; Zhao &amp; Tang 2007):
 * <ul>
 *   <li><b>spurs</b>: a short line from a junction to an end, a bump on the ridge's edge (false ending + false
 *       bifurcation);</li>
 *   <li><b>fragments</b>: a short line with two free ends, a dot or a speck of ridge;</li>
 *   <li><b>lakes</b>: a short loop, a pore or a hole in a ridge (two false bifurcations);</li>
 *   <li><b>bridges</b>: a short line joining two junctions across the ridge flow, ridges smeared together.</li>
 * </ul>
 * Lengths are in local ridge periods, so the rules hold for any ridge spacing. Shortest lines go first, and a
 * junction left with two lines merges them into one, so that lengths stay true as the graph shrinks.
 */
public final class SkeletonPruner {
    /** Longest spur removed, ridge periods (1 × 9 px; 0.7 and 1.5 measured slightly worse on FVC). */
    public static final double SPUR = 1.0;
    /** Longest free fragment removed, ridge periods (2 × 9 px ≈ 0.9 mm; 3 measured 0.2 points worse on FVC). */
    public static final double FRAGMENT = 2.0;
    /** Longest loop (a lake or pore) opened, ridge periods, measured on each side. */
    public static final double LAKE = 2.0;
    /** Longest bridge removed, ridge periods. */
    public static final double BRIDGE = 1.5;
    /** Smallest angle to the ridge flow for a junction–junction line to count as a bridge, degrees. */
    public static final double BRIDGE_ANGLE = 45;
    /** Passes over the graph (each pass can expose new short lines). */
    private static final int PASSES = 4;

    private SkeletonPruner() {}

    public static void prune(SkeletonGraph graph, OrientationField orientation, FrequencyField frequency) {
        for (int pass = 0; pass < PASSES; pass++) {
            List<SkeletonGraph.Edge> edges = new ArrayList<>(graph.edges());
            edges.sort(Comparator.comparingDouble(SkeletonGraph.Edge::length));
            boolean changed = false;
            for (SkeletonGraph.Edge e : edges) {
                if (!e.alive) {
                    continue;
                }
                if (isArtefact(graph, e, orientation, frequency)) {
                    graph.remove(e);
                    mergeThrough(graph, e.from);
                    if (e.to != e.from) {
                        mergeThrough(graph, e.to);
                    }
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
    }

    private static boolean isArtefact(SkeletonGraph graph, SkeletonGraph.Edge e, OrientationField orientation,
            FrequencyField frequency) {
        int[] mid = e.pointFrom(e.from, e.length / 2);
        double period = frequency.periodAt(mid[0], mid[1]);
        int a = e.from.degree();
        int b = e.to.degree();
        if (e.from == e.to) {
            return e.length < 2 * LAKE * period;
        }
        if (a == 1 && b == 1) {
            return e.length < FRAGMENT * period;
        }
        if (a == 1 || b == 1) {
            return e.length < SPUR * period;
        }
        for (SkeletonGraph.Edge other : e.from.edges) {
            if (other != e && other.other(e.from) == e.to && other.length < LAKE * period
                    && e.length < LAKE * period) {
                return true;
            }
        }
        if (e.length < BRIDGE * period) {
            double dx = e.to.x - e.from.x;
            double dy = e.to.y - e.from.y;
            double ridge = orientation.angleAt(mid[0], mid[1]);
            double angle = Math.abs(Math.atan2(dy, dx) - ridge) % Math.PI;
            angle = Math.min(angle, Math.PI - angle);
            return angle > Math.toRadians(BRIDGE_ANGLE);
        }
        return false;
    }

    /** Joins the two lines of a node left with exactly two distinct lines into one. */
    private static void mergeThrough(SkeletonGraph graph, SkeletonGraph.Node node) {
        if (node.degree() != 2) {
            return;
        }
        SkeletonGraph.Edge first = node.edges.get(0);
        SkeletonGraph.Edge second = node.edges.get(1);
        if (first == second || first.other(node) == node || second.other(node) == node) {
            return;
        }
        SkeletonGraph.Node start = first.other(node);
        SkeletonGraph.Node end = second.other(node);
        int[][] a = path(first, start);
        int[][] b = path(second, node);
        int n = a[0].length + b[0].length - 1;
        int[] xs = new int[n];
        int[] ys = new int[n];
        System.arraycopy(a[0], 0, xs, 0, a[0].length);
        System.arraycopy(a[1], 0, ys, 0, a[1].length);
        System.arraycopy(b[0], 1, xs, a[0].length, b[0].length - 1);
        System.arraycopy(b[1], 1, ys, a[1].length, b[1].length - 1);
        graph.remove(first);
        graph.remove(second);
        graph.add(new SkeletonGraph.Edge(start, end, xs, ys));
    }

    /** The edge's pixels oriented to start at {@code node}. */
    private static int[][] path(SkeletonGraph.Edge e, SkeletonGraph.Node node) {
        if (e.from == node) {
            return new int[][] {e.xs, e.ys};
        }
        int n = e.xs.length;
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int k = 0; k < n; k++) {
            xs[k] = e.xs[n - 1 - k];
            ys[k] = e.ys[n - 1 - k];
        }
        return new int[][] {xs, ys};
    }
}
