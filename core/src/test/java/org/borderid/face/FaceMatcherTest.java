package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.borderid.OperatingPoint;
import org.junit.jupiter.api.Test;

class FaceMatcherTest {
    private static final FaceModelDescriptor MODEL = FaceModelDescriptor.MOBILEFACENET.withThresholds(
            Map.of(OperatingPoint.FMR_1E2, 0.2, OperatingPoint.FMR_1E3, 0.3, OperatingPoint.FMR_1E4, 0.4));

    /** A unit vector at the given cosine to e0, in 128-d. */
    private static FaceEmbedding atCosine(double cosine) {
        float[] v = new float[128];
        v[0] = (float) cosine;
        v[1] = (float) Math.sqrt(1 - cosine * cosine);
        return FaceEmbedding.of("mobilefacenet", v);
    }

    @Test
    void embeddingsAreUnitLengthCopiesThatNeverLeakTheirVector() {
        float[] raw = new float[128];
        raw[3] = 3;
        raw[7] = 4;
        FaceEmbedding e = FaceEmbedding.of("mobilefacenet", raw);
        raw[3] = 100;
        float[] out = e.vector();
        assertThat(out[3]).isCloseTo(0.6f, offset(1e-6f));
        assertThat(out[7]).isCloseTo(0.8f, offset(1e-6f));
        out[3] = 9;
        assertThat(e.vector()[3]).isCloseTo(0.6f, offset(1e-6f));
        assertThat(e.toString()).doesNotContain("0.6");
    }

    @Test
    void refusesDegenerateVectors() {
        assertThatThrownBy(() -> FaceEmbedding.of("m", new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaceEmbedding.of("m", new float[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaceEmbedding.of("m", new float[] {1, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoresAreCosinesAndMeetTheOperatingPointsAtOrBelowThem() {
        FaceMatcher matcher = new FaceMatcher(MODEL, atCosine(1));
        FaceScore strong = matcher.match(atCosine(0.45));
        assertThat(strong.similarity()).isCloseTo(0.45, offset(1e-6));
        assertThat(strong.pointsMet()).containsExactlyInAnyOrder(OperatingPoint.values());
        FaceScore middling = matcher.match(atCosine(0.25));
        assertThat(middling.meets(OperatingPoint.FMR_1E2)).isTrue();
        assertThat(middling.meets(OperatingPoint.FMR_1E3)).isFalse();
        assertThat(matcher.match(atCosine(-0.5)).pointsMet()).isEmpty();
        assertThat(matcher.threshold(OperatingPoint.FMR_1E3)).isEqualTo(0.3);
    }

    @Test
    void refusesToCompareEmbeddingsOfDifferentModels() {
        FaceEmbedding other = FaceEmbedding.of("sface", atCosine(1).vector());
        assertThatThrownBy(() -> new FaceMatcher(MODEL, other))
                .isInstanceOfSatisfying(FaceModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(FaceModelException.Reason.EMBEDDING_MISMATCH));
        FaceMatcher matcher = new FaceMatcher(MODEL, atCosine(1));
        assertThatThrownBy(() -> matcher.match(other)).isInstanceOf(FaceModelException.class);
        assertThatThrownBy(() -> matcher.match(FaceEmbedding.of("mobilefacenet", new float[] {1, 0})))
                .isInstanceOf(FaceModelException.class);
    }
}
