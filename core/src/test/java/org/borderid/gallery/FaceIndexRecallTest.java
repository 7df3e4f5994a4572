package org.borderid.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The face index agrees with an exact scan: recall@10 on a small synthetic set (clusters of similar vectors, so that
 * near neighbours are close together), for float and 8-bit graphs. Scale figures come from the harness.
 */
class FaceIndexRecallTest {
    private static final long SEED = 77;
    private static final int SUBJECTS = 3_000;
    private static final int PROBES = 50;
    private static final int K = 10;

    @ParameterizedTest
    @EnumSource(FaceVectorEncoding.class)
    void recallAtTenAgainstAnExactScanIsAtLeast99Percent(FaceVectorEncoding encoding, @TempDir Path directory) {
        Random random = new Random(SEED);
        int d = TestRecords.DIMENSION;
        float[][] centers = new float[SUBJECTS / 10][];
        for (int c = 0; c < centers.length; c++) {
            centers[c] = TestRecords.face(random.nextLong());
        }
        float[][] faces = new float[SUBJECTS][];
        List<SubjectRecord> records = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            float[] v = new float[d];
            float[] c = centers[i % centers.length];
            for (int j = 0; j < d; j++) {
                v[j] = c[j] + 0.15f * (float) random.nextGaussian();
            }
            faces[i] = unit(v);
            records.add(SubjectRecord.builder("S" + i).agency("a").face(v).build());
        }
        double found = 0;
        try (Gallery gallery = Gallery.open(directory, TestRecords.config().withFaceEncoding(encoding))) {
            gallery.enrollAll(records);
            gallery.refresh();
            for (int p = 0; p < PROBES; p++) {
                float[] probe = faces[random.nextInt(SUBJECTS)].clone();
                for (int j = 0; j < d; j++) {
                    probe[j] += 0.1f * (float) random.nextGaussian();
                }
                float[] unitProbe = unit(probe);
                List<String> exact = IntStream.range(0, SUBJECTS).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> -dot(unitProbe, faces[i])))
                        .limit(K).map(i -> "S" + i).toList();
                List<String> indexed = gallery.identifyFace(probe, SubjectFilter.ALL, K).candidates().stream()
                        .map(Candidate::subjectId).toList();
                found += exact.stream().filter(indexed::contains).count();
            }
        }
        double recall = found / (PROBES * K);
        System.out.printf("face index %s: recall@%d %.4f over %d probes, %d subjects (seed %d)%n", encoding, K, recall,
                PROBES, SUBJECTS, SEED);
        assertThat(recall).isGreaterThanOrEqualTo(0.99);
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / Math.sqrt(n));
        }
        return u;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
