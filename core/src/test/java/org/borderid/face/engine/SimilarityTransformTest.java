package org.borderid.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {
    @Test
    void recoversARandomSimilarityFromNoiselessPoints() {
        long seed = 42L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 100; trial++) {
            double angle = (random.nextDouble() - 0.5) * 2 * Math.PI;
            double scale = 0.2 + random.nextDouble() * 3;
            double tx = random.nextGaussian() * 100;
            double ty = random.nextGaussian() * 100;
            double a = scale * Math.cos(angle);
            double b = scale * Math.sin(angle);
            double[] src = new double[10];
            double[] dst = new double[10];
            for (int i = 0; i < 5; i++) {
                src[2 * i] = random.nextDouble() * 200;
                src[2 * i + 1] = random.nextDouble() * 200;
                dst[2 * i] = a * src[2 * i] - b * src[2 * i + 1] + tx;
                dst[2 * i + 1] = b * src[2 * i] + a * src[2 * i + 1] + ty;
            }
            double[] m = SimilarityTransform.estimate(src, dst);
            String why = "seed " + seed + " trial " + trial;
            assertThat(m[0]).as(why).isCloseTo(a, offset(1e-9));
            assertThat(m[3]).as(why).isCloseTo(b, offset(1e-9));
            assertThat(m[1]).as(why).isCloseTo(-b, offset(1e-9));
            assertThat(m[4]).as(why).isCloseTo(a, offset(1e-9));
            assertThat(m[2]).as(why).isCloseTo(tx, offset(1e-6));
            assertThat(m[5]).as(why).isCloseTo(ty, offset(1e-6));
        }
    }

    @Test
    void mapsTheTemplateOntoItselfWithTheIdentity() {
        double[] m = SimilarityTransform.estimate(FaceAligner.TEMPLATE_112, FaceAligner.TEMPLATE_112);
        assertThat(m).containsExactly(new double[] {1, 0, 0, 0, 1, 0}, offset(1e-9));
    }

    @Test
    void neverReflects() {
        // a mirrored point set is fitted by a rotation/scale, not by a reflection: the determinant stays positive
        double[] src = {0, 0, 10, 0, 5, 8};
        double[] mirrored = {0, 0, -10, 0, -5, 8};
        double[] m = SimilarityTransform.estimate(src, mirrored);
        assertThat(m[0] * m[4] - m[1] * m[3]).isGreaterThanOrEqualTo(0);
    }

    @Test
    void refusesCoincidentOrMismatchedPoints() {
        assertThatThrownBy(() -> SimilarityTransform.estimate(new double[] {1, 1, 1, 1}, new double[] {0, 0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimilarityTransform.estimate(new double[] {1, 1, 2, 2}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
