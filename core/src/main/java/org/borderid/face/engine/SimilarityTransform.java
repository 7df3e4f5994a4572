package org.borderid.face.engine;

/**
 * Engine-internal: the least-squares 2-D similarity transform (rotation, uniform scale, translation; no reflection)
 * mapping source points onto destination points (Umeyama 1991, "Least-squares estimation of transformation parameters
 * between two point patterns", closed form for 2-D).
 */
public final class SimilarityTransform {
    private SimilarityTransform() {}

    /**
     * Estimates {@code [a −b tx; b a ty]} minimising {@code Σ |T(src_i) − dst_i|²}.
     *
     * @param src x0, y0, x1, y1, ... (at least two distinct points)
     * @param dst the same number of destination coordinates
     * @return the 2×3 matrix row-major: {@code {a, -b, tx, b, a, ty}}
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than two points or the source
     *                                  points coincide
     */
    public static double[] estimate(double[] src, double[] dst) {
        if (src.length != dst.length || src.length < 4 || src.length % 2 != 0) {
            throw new IllegalArgumentException("need the same even number (≥ 4) of source and destination coordinates");
        }
        int n = src.length / 2;
        double sx = 0;
        double sy = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < n; i++) {
            sx += src[2 * i];
            sy += src[2 * i + 1];
            dx += dst[2 * i];
            dy += dst[2 * i + 1];
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double dot = 0; // Σ p·q over centred points
        double cross = 0; // Σ p×q
        double norm = 0; // Σ |p|²
        for (int i = 0; i < n; i++) {
            double px = src[2 * i] - sx;
            double py = src[2 * i + 1] - sy;
            double qx = dst[2 * i] - dx;
            double qy = dst[2 * i + 1] - dy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (!(norm > 1e-12)) {
            throw new IllegalArgumentException("source points coincide");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new double[] {a, -b, dx - (a * sx - b * sy), b, a, dy - (b * sx + a * sy)};
    }
}
