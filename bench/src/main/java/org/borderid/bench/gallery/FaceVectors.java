package org.borderid.bench.gallery;

import java.util.SplittableRandom;

/**
 * Seeded synthetic face embeddings for index scale tests: gallery vector i is a unit vector uniform on the sphere (one
 * identity per subject, so the gallery has no cluster structure to help the graph); a probe of subject i is its vector
 * turned by {@link #PROBE_ANGLE_DEGREES} towards a random orthogonal direction (cosine 0.87 to its mate, the range of a
 * good embedder's genuine pairs). Everything is a pure function of (seed, index).
 */
final class FaceVectors {
    /** Angle between a probe and its enrolled mate, degrees. */
    static final double PROBE_ANGLE_DEGREES = 30;

    private final long seed;
    private final int dimension;

    FaceVectors(long seed, int dimension) {
        this.seed = seed;
        this.dimension = dimension;
    }

    /** The enrolled vector of subject i. */
    float[] gallery(long i) {
        return toFloat(gaussianUnit(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i)));
    }

    /** Probe number p of subject i. */
    float[] probe(long i, int p) {
        double[] g = gaussianUnit(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i));
        double[] u = gaussianUnit(new SplittableRandom((seed + 1) * 0xC2B2AE3D27D4EB4FL + i * 31 + p));
        double dot = 0;
        for (int k = 0; k < dimension; k++) {
            dot += u[k] * g[k];
        }
        double norm = 0;
        for (int k = 0; k < dimension; k++) {
            u[k] -= dot * g[k];
            norm += u[k] * u[k];
        }
        double angle = Math.toRadians(PROBE_ANGLE_DEGREES);
        double[] v = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            v[k] = Math.cos(angle) * g[k] + Math.sin(angle) * u[k] / Math.sqrt(norm);
        }
        return toFloat(v);
    }

    private double[] gaussianUnit(SplittableRandom random) {
        double[] v = new double[dimension];
        double norm = 0;
        for (int k = 0; k < dimension; k++) {
            v[k] = gaussian(random);
            norm += v[k] * v[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < dimension; k++) {
            v[k] /= norm;
        }
        return v;
    }

    /** A standard normal variate (Marsaglia polar method). */
    private static double gaussian(SplittableRandom random) {
        while (true) {
            double a = 2 * random.nextDouble() - 1;
            double b = 2 * random.nextDouble() - 1;
            double s = a * a + b * b;
            if (s > 0 && s < 1) {
                return a * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) v[k];
        }
        return out;
    }
}
