package org.borderid.finger.engine.match;

import java.util.Arrays;

/**
 * The convex hull of a template's minutiae: MCC's estimate of the fingerprint area when the template carries no
 * foreground mask (Cappelli, Ferrara, Maltoni, TPAMI 2010, sec. 3.1). Cylinder cells farther than a margin outside
 * it are "invalid" (unknown) rather than empty.
 */
final class ConvexHull {
    /** Hull vertices in counter-clockwise order (in a y-up frame), or the distinct input points when fewer than 3. */
    private final float[] xs;
    private final float[] ys;

    private ConvexHull(float[] xs, float[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** Andrew's monotone chain over the points (x[i], y[i]), i &lt; n; O(n log n). */
    static ConvexHull of(int[] x, int[] y, int n) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) x[i] << 32) | (y[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed); // by x, then y (coordinates are non-negative)
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || packed[distinct - 1] != packed[i]) {
                packed[distinct++] = packed[i];
            }
        }
        int[] hull = new int[2 * distinct + 1];
        int k = 0;
        for (int i = 0; i < distinct; i++) { // lower chain
            while (k >= 2 && cross(packed[hull[k - 2]], packed[hull[k - 1]], packed[i]) <= 0) {
                k--;
            }
            hull[k++] = i;
        }
        for (int i = distinct - 2, lower = k + 1; i >= 0; i--) { // upper chain
            while (k >= lower && cross(packed[hull[k - 2]], packed[hull[k - 1]], packed[i]) <= 0) {
                k--;
            }
            hull[k++] = i;
        }
        int vertices = distinct <= 2 ? distinct : k - 1; // the chain repeats the first point last
        float[] hx = new float[vertices];
        float[] hy = new float[vertices];
        for (int i = 0; i < vertices; i++) {
            long p = packed[distinct <= 2 ? i : hull[i]];
            hx[i] = (int) (p >> 32);
            hy[i] = (int) p;
        }
        return new ConvexHull(hx, hy);
    }

    /** Number of vertices (fewer than 3: the distinct points of a degenerate hull). */
    int size() {
        return xs.length;
    }

    float x(int vertex) {
        return xs[vertex];
    }

    float y(int vertex) {
        return ys[vertex];
    }

    /** Whether (px, py) lies inside or on the hull (never for a hull of fewer than 3 vertices). */
    boolean contains(float px, float py) {
        return contains(xs, ys, xs.length, px, py);
    }

    /**
     * Whether (px, py) lies inside or on the polygon of the first n vertices (xs, ys), counter-clockwise in the y-up
     * sense like a hull's; polygons of fewer than 3 vertices contain nothing.
     */
    static boolean contains(float[] xs, float[] ys, int n, float px, float py) {
        if (n < 3) {
            return false;
        }
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((xs[i] - xs[j]) * (py - ys[j]) - (ys[i] - ys[j]) * (px - xs[j]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long cross(long o, long a, long b) {
        long ox = o >> 32, oy = (int) o, ax = a >> 32, ay = (int) a, bx = b >> 32, by = (int) b;
        return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
    }

    /**
     * The area within {@code margin} pixels of the hull (the hull's Minkowski sum with a disc), as one x-interval per
     * pixel row: the sum is convex, so each row meets it in a single interval. Exact up to the row rounding
     * (half a pixel); O(rows × vertices).
     */
    Area expand(float margin) {
        int n = xs.length;
        if (n == 0) {
            return new Area(0, new float[0], new float[0]);
        }
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (float v : ys) {
            minY = Math.min(minY, v);
            maxY = Math.max(maxY, v);
        }
        int top = (int) Math.floor(minY - margin);
        int rows = (int) Math.ceil(maxY + margin) - top + 1;
        float[] low = new float[rows];
        float[] high = new float[rows];
        // Outward normals of the edges j->i scaled to the margin. The hull is counter-clockwise in the y-up sense
        // (positive cross products), so the outward normal of (ex, ey) is (ey, -ex).
        float[] nx = new float[n];
        float[] ny = new float[n];
        for (int i = 0, j = n - 1; i < n; j = i++) {
            float ex = xs[i] - xs[j];
            float ey = ys[i] - ys[j];
            float length = (float) Math.sqrt(ex * ex + ey * ey);
            if (length > 0) {
                nx[i] = ey / length * margin;
                ny[i] = -ex / length * margin;
            }
        }
        java.util.Arrays.fill(low, Float.MAX_VALUE);
        java.util.Arrays.fill(high, -Float.MAX_VALUE);
        float m2 = margin * margin;
        for (int i = 0; i < n; i++) { // the disc around each vertex
            int first = Math.max(0, (int) Math.ceil(ys[i] - margin) - top);
            int last = Math.min(rows - 1, (int) Math.floor(ys[i] + margin) - top);
            for (int r = first; r <= last; r++) {
                float dy = top + r - ys[i];
                float half = (float) Math.sqrt(Math.max(0, m2 - dy * dy));
                low[r] = Math.min(low[r], xs[i] - half);
                high[r] = Math.max(high[r], xs[i] + half);
            }
        }
        for (int i = 0, j = n - 1; n >= 2 && i < n; j = i++) {
            // The rectangle swept by edge j->i moved by the margin along its normal (both ways for a segment).
            for (int side = n == 2 ? -1 : 1; side <= 1; side += 2) {
                float ax = xs[j], ay = ys[j], bx = xs[i], by = ys[i];
                float cx = bx + side * nx[i], cy = by + side * ny[i];
                float dx = ax + side * nx[i], dy = ay + side * ny[i];
                crossRows(ax, ay, bx, by, top, low, high);
                crossRows(bx, by, cx, cy, top, low, high);
                crossRows(cx, cy, dx, dy, top, low, high);
                crossRows(dx, dy, ax, ay, top, low, high);
            }
        }
        return new Area(top, low, high);
    }

    /** Widens the rows' intervals by the points where segment (x1,y1)-(x2,y2) meets each row. */
    private static void crossRows(float x1, float y1, float x2, float y2, int top, float[] low, float[] high) {
        int first = Math.max(0, (int) Math.ceil(Math.min(y1, y2)) - top);
        int last = Math.min(low.length - 1, (int) Math.floor(Math.max(y1, y2)) - top);
        for (int r = first; r <= last; r++) {
            float y = top + r;
            float lo;
            float hi;
            if (y1 == y2) {
                lo = Math.min(x1, x2);
                hi = Math.max(x1, x2);
            } else {
                lo = x1 + (y - y1) * (x2 - x1) / (y2 - y1);
                hi = lo;
            }
            low[r] = Math.min(low[r], lo);
            high[r] = Math.max(high[r], hi);
        }
    }

    /** A convex area as one x-interval per pixel row (empty rows have low &gt; high). */
    static final class Area {
        private final int top;
        private final float[] low;
        private final float[] high;

        private Area(int top, float[] low, float[] high) {
            this.top = top;
            this.low = low;
            this.high = high;
        }

        /**
         * Whether every point (px, py) with {@code |px - cx| <= halfWidths[|round(py) - cy|]} lies in the area, i.e.
         * whether a disc described by its half-widths per row offset lies inside.
         */
        boolean containsAll(int cx, int cy, float[] halfWidths) {
            int radius = halfWidths.length - 1;
            if (cy - radius - top < 0 || cy + radius - top >= low.length) {
                return false;
            }
            for (int dy = -radius; dy <= radius; dy++) {
                int r = cy + dy - top;
                float half = halfWidths[Math.abs(dy)];
                if (cx - half < low[r] || cx + half > high[r]) {
                    return false;
                }
            }
            return true;
        }

        /** Whether (px, py) lies in the area, py rounded to its pixel row. */
        boolean contains(float px, float py) {
            int r = Math.round(py) - top;
            return r >= 0 && r < low.length && px >= low[r] && px <= high[r];
        }
    }
}
