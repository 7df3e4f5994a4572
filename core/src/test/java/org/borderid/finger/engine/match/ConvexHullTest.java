package org.borderid.finger.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row-interval area against a brute-force point-to-hull distance. */
class ConvexHullTest {
    private static final float MARGIN = 50;

    @Test
    void expandedAreaIsThePointsWithinTheMarginOfTheHull() {
        Random random = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(trial % 4 == 0 ? 3 : 25);
            int[] x = new int[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = 100 + random.nextInt(300);
                y[i] = 100 + random.nextInt(trial % 5 == 0 ? 1 : 300); // some collinear sets
            }
            ConvexHull.Area area = ConvexHull.of(x, y, n).expand(MARGIN);
            for (int probe = 0; probe < 500; probe++) {
                float px = random.nextInt(600);
                float py = random.nextInt(600); // integer rows: no rounding ambiguity
                double d = distanceToHull(x, y, n, px, py);
                if (Math.abs(d - MARGIN) > 0.01) {
                    assertThat(area.contains(px, py)).as("trial %d point (%s, %s) at %.2f", trial, px, py, d)
                            .isEqualTo(d <= MARGIN);
                }
            }
        }
    }

    /** Distance from (px, py) to the convex hull of the points: 0 inside (checked by brute force over all pairs). */
    private static double distanceToHull(int[] x, int[] y, int n, float px, float py) {
        // Inside the hull iff inside some triangle of the points (or on a degenerate hull's segment).
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    if (inTriangle(px, py, x[i], y[i], x[j], y[j], x[k], y[k])) {
                        return 0;
                    }
                }
            }
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                best = Math.min(best, segmentDistance(px, py, x[i], y[i], x[j], y[j]));
            }
        }
        return best;
    }

    private static boolean inTriangle(double px, double py, double ax, double ay, double bx, double by, double cx,
                                      double cy) {
        double d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
        double d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
        double d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
        boolean negative = d1 < 0 || d2 < 0 || d3 < 0;
        boolean positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive) && (d1 != 0 || d2 != 0 || d3 != 0);
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}
