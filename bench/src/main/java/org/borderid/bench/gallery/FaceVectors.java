package org.borderid.bench.gallery;

import java.util.Locale;
import java.util.SplittableRandom;
import org.borderid.fixtures.synth.SpectralFaceEmbeddings;

/**
 * Seeded synthetic face embeddings for index scale tests, one identity per enrolled subject, in one of two
 * {@link Model models}. Everything is a pure function of (model, seed, index).
 */
public final class FaceVectors {
    /** Angle between a probe and its enrolled mate in the {@link Model#UNIFORM} model, degrees. */
    static final double PROBE_ANGLE_DEGREES = 30;

    /** How the vectors are drawn. */
    public enum Model {
        /**
         * Realistic: {@link SpectralFaceEmbeddings#lfw} — a Gaussian with the mean, principal-axis variances and
         * within-identity spread of real MobileFaceNet embeddings of LFW, randomly rotated, normalised. Gallery
         * vector i is sample 0 of identity i, probe p of subject i its sample 1 + p (about LFW's mated-pair cosine
         * to its mate).
         */
        LFW,
        /**
         * Worst case: gallery vector i uniform on the sphere (no structure; all distances concentrate around cosine
         * 0 ± 0.09); a probe is its mate turned by {@value #PROBE_ANGLE_DEGREES}° (cosine 0.87).
         */
        UNIFORM;

        /** Parses {@code lfw} / {@code uniform}. */
        public static Model parse(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final Model model;
    private final long seed;
    private final int dimension;
    private final SpectralFaceEmbeddings spectral;

    FaceVectors(Model model, long seed, int dimension) {
        this.model = model;
        this.seed = seed;
        this.dimension = dimension;
        this.spectral = model == Model.LFW ? SpectralFaceEmbeddings.lfw(seed) : null;
        if (spectral != null && spectral.dimension() != dimension) {
            throw new IllegalArgumentException("the LFW spectrum is " + spectral.dimension() + "-d, not " + dimension);
        }
    }

    Model model() {
        return model;
    }

    /** The enrolled vector of subject i. */
    float[] gallery(long i) {
        if (spectral != null) {
            return spectral.sample(i, 0);
        }
        return toFloat(gaussianUnit(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i)));
    }

    /** Probe number p of subject i. */
    float[] probe(long i, int p) {
        if (spectral != null) {
            return spectral.sample(i, 1 + p);
        }
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
