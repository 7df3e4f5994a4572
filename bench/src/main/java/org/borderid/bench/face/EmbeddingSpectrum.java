package org.borderid.bench.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Second-order statistics of a set of face embeddings, in the principal axes of their covariance: per axis the
 * variance (eigenvalue), the coordinate of the mean vector and the within-identity variance (half the variance of the
 * difference of two images of one person, projected on the axis). The synthetic vector model
 * ({@code org.borderid.fixtures.synth.FaceEmbeddingSpectrum}) draws identities and samples from these.
 *
 * @param eigenvalues     variance along each principal axis, largest first
 * @param meanCoordinates the mean embedding's coordinate on each axis
 * @param within          within-identity variance along each axis
 * @param vectors         embeddings the covariance was measured on
 * @param matedPairs      image pairs of one person the within-identity variance was measured on
 * @param matedCosineMean mean cosine of those pairs
 */
record EmbeddingSpectrum(double[] eigenvalues, double[] meanCoordinates, double[] within, int vectors,
        int matedPairs, double matedCosineMean) {

    /**
     * Measures the spectrum of {@code samples} (unit vectors, one per identity is the enrolled-gallery view) and the
     * within-identity variance of the pairs {@code (pairs[i][0], pairs[i][1])} of one person each (indices into
     * {@code all}).
     */
    static EmbeddingSpectrum measure(List<float[]> samples, List<float[][]> pairs) {
        int d = samples.get(0).length;
        double[] mean = new double[d];
        for (float[] v : samples) {
            for (int k = 0; k < d; k++) {
                mean[k] += v[k] / (double) samples.size();
            }
        }
        double[][] cov = new double[d][d];
        for (float[] v : samples) {
            for (int a = 0; a < d; a++) {
                double da = v[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += da * (v[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= samples.size() - 1;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] axes = new double[d][d];
        double[] values = jacobi(cov, axes);
        // order by decreasing eigenvalue
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] eigen = new double[d];
        double[] meanCoord = new double[d];
        double[] within = new double[d];
        double cosine = 0;
        for (float[][] pair : pairs) {
            double c = 0;
            for (int k = 0; k < d; k++) {
                c += pair[0][k] * (double) pair[1][k];
            }
            cosine += c / pairs.size();
        }
        for (int r = 0; r < d; r++) {
            int k = order[r];
            eigen[r] = Math.max(0, values[k]);
            double m = 0;
            for (int a = 0; a < d; a++) {
                m += mean[a] * axes[a][k];
            }
            meanCoord[r] = m;
            double w = 0;
            for (float[][] pair : pairs) {
                double p = 0;
                for (int a = 0; a < d; a++) {
                    p += (pair[0][a] - pair[1][a]) * axes[a][k];
                }
                w += p * p;
            }
            within[r] = w / (2.0 * pairs.size());
        }
        return new EmbeddingSpectrum(eigen, meanCoord, within, samples.size(), pairs.size(), cosine);
    }

    /** Eigenvalues of a symmetric matrix (cyclic Jacobi rotations); eigenvectors into the columns of {@code v}. */
    static double[] jacobi(double[][] matrix, double[][] v) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            java.util.Arrays.fill(v[i], 0);
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < n; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * diag) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i][i];
        }
        return out;
    }

    /** Components that hold {@code share} of the total variance. */
    int componentsFor(double share) {
        double total = 0;
        for (double e : eigenvalues) {
            total += e;
        }
        double sum = 0;
        for (int k = 0; k < eigenvalues.length; k++) {
            sum += eigenvalues[k];
            if (sum >= share * total) {
                return k + 1;
            }
        }
        return eigenvalues.length;
    }

    /** The resource text: provenance comment lines, then one line per axis. */
    String resourceText(List<String> provenance) {
        List<String> lines = new ArrayList<>();
        for (String p : provenance) {
            lines.add("# " + p);
        }
        lines.add(String.format(Locale.ROOT, "# vectors %d, mated pairs %d, mated cosine mean %.6f, components for"
                + " 50%% / 90%% / 99%% of the variance: %d / %d / %d", vectors, matedPairs, matedCosineMean,
                componentsFor(0.5), componentsFor(0.9), componentsFor(0.99)));
        lines.add("# columns: axis, variance (eigenvalue), mean coordinate, within-identity variance");
        for (int k = 0; k < eigenvalues.length; k++) {
            lines.add(String.format(Locale.ROOT, "%d %.9e %.9e %.9e", k, eigenvalues[k], meanCoordinates[k],
                    within[k]));
        }
        return String.join("\n", lines) + "\n";
    }
}
