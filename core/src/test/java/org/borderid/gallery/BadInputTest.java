package org.borderid.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix: every malformed record or probe gets an {@link InvalidRecordException} naming the field, the
 * message carries no biometric value, and the gallery's content is unchanged.
 */
class BadInputTest {
    @TempDir
    static Path directory;
    private static Gallery gallery;
    private static final SubjectRecord GOOD = TestRecords.record("good", 1);

    @BeforeAll
    static void open() {
        gallery = Gallery.open(directory, TestRecords.config());
        gallery.enroll(GOOD);
        gallery.refresh();
    }

    @AfterAll
    static void close() {
        gallery.close();
    }

    static Stream<Arguments> badRecords() {
        FingerprintTemplate t = TestRecords.template(1);
        float[] face = TestRecords.face(1);
        Map<FingerPosition, FingerprintTemplate> eleven = new EnumMap<>(FingerPosition.class);
        for (FingerPosition p : FingerPosition.values()) {
            eleven.put(p, t);
        }
        Map<String, String> manyAttributes = new HashMap<>();
        for (int i = 0; i <= SubjectRecord.MAX_ATTRIBUTES; i++) {
            manyAttributes.put("k" + i, "v");
        }
        return Stream.of(
                bad("id", () -> SubjectRecord.builder(null).agency("a").face(face).build()),
                bad("id", () -> SubjectRecord.builder("").agency("a").face(face).build()),
                bad("id", () -> SubjectRecord.builder("has space").agency("a").face(face).build()),
                bad("id", () -> SubjectRecord.builder("x".repeat(SubjectRecord.MAX_ID_LENGTH + 1)).agency("a")
                        .face(face).build()),
                bad("agency", () -> SubjectRecord.builder("p").face(face).build()),
                bad("lists", () -> SubjectRecord.builder("p").agency("a").lists("Upper").face(face).build()),
                bad("attributes.name", () -> SubjectRecord.builder("p").agency("a").attribute("name", "a\u0000b")
                        .face(face).build()),
                bad("attributes", () -> new SubjectRecord("p", "a", null, manyAttributes, face, null)),
                bad("biometrics", () -> SubjectRecord.builder("p").agency("a").build()),
                bad("face", () -> SubjectRecord.builder("p").agency("a").face(new float[0]).build()),
                bad("face", () -> SubjectRecord.builder("p").agency("a").face(withValue(face, Float.NaN)).build()),
                bad("face", () -> SubjectRecord.builder("p").agency("a")
                        .face(withValue(face, Float.POSITIVE_INFINITY)).build()),
                bad("face", () -> SubjectRecord.builder("p").agency("a").face(new float[TestRecords.DIMENSION])
                        .build()),
                bad("fingers", () -> new SubjectRecord("p", "a", null, null, null, eleven)),
                bad("fingers.UNKNOWN", () -> SubjectRecord.builder("p").agency("a").finger(FingerPosition.UNKNOWN, t)
                        .build()),
                bad("fingers.LEFT_RING", () -> SubjectRecord.builder("p").agency("a")
                        .finger(FingerPosition.LEFT_RING, null).build()));
    }

    private static Arguments bad(String field, Supplier<SubjectRecord> record) {
        return Arguments.of(field, record);
    }

    private static float[] withValue(float[] v, float value) {
        float[] copy = v.clone();
        copy[3] = value;
        return copy;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRecords")
    void malformedRecordIsRefusedNamingTheField(String field, Supplier<SubjectRecord> record) {
        assertThatThrownBy(record::get).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
            assertThat(e.problems()).extracting(InvalidRecordException.Problem::field).contains(field);
            for (float v : TestRecords.face(1)) {
                assertThat(e.getMessage()).as("no embedding value in the message").doesNotContain(Float.toString(v));
            }
        });
        assertThat(gallery.count()).isEqualTo(1);
    }

    @Test
    void everyProblemOfARecordIsReportedAtOnce() {
        assertThatThrownBy(() -> SubjectRecord.builder("bad id").lists("UP").build())
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRecordException.Problem::field)
                        .contains("id", "agency", "lists", "biometrics"));
    }

    @Test
    void enrolmentWithAnotherDimensionIsRefusedAndStoresNothing() {
        float[] wide = new float[TestRecords.DIMENSION * 2];
        wide[0] = 1;
        SubjectRecord record = SubjectRecord.builder("wide").agency("a").face(wide).build();
        assertThatThrownBy(() -> gallery.enroll(record)).isInstanceOfSatisfying(InvalidRecordException.class,
                e -> assertThat(e.problems()).extracting(InvalidRecordException.Problem::field).containsExactly("face"));
        assertThat(gallery.contains("wide")).isFalse();
    }

    @Test
    void badFaceProbesAreRefused() {
        float[] good = TestRecords.face(3);
        for (float[] probe : List.of(new float[TestRecords.DIMENSION - 1], withValue(good, Float.NaN),
                withValue(good, Float.NEGATIVE_INFINITY), new float[TestRecords.DIMENSION])) {
            assertThatThrownBy(() -> gallery.identifyFace(probe, SubjectFilter.ALL, 5))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.problems())
                            .extracting(InvalidRecordException.Problem::field).containsExactly("probe"));
        }
        assertThatThrownBy(() -> gallery.identifyFace(good, SubjectFilter.ALL, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gallery.identifyFace(good, SubjectFilter.ALL, Gallery.MAX_CANDIDATES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badFingerProbesAreRefused() {
        assertThatThrownBy(() -> gallery.identifyFingers(Map.of(), SubjectFilter.ALL, 5))
                .isInstanceOf(InvalidRecordException.class);
        Map<FingerPosition, FingerprintTemplate> withNull = new HashMap<>();
        withNull.put(FingerPosition.RIGHT_THUMB, null);
        assertThatThrownBy(() -> gallery.identifyFingers(withNull, SubjectFilter.ALL, 5))
                .isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void probeWithoutUsableMinutiaeFindsNothingRatherThanFailing() {
        FingerprintTemplate empty = FingerprintTemplate.of(300, 400, List.of(), 10);
        Identification result = gallery.identifyFingers(Map.of(FingerPosition.RIGHT_INDEX, empty), SubjectFilter.ALL,
                5);
        assertThat(result.candidates()).isEmpty();
        assertThat(result.searched()).isEqualTo(1);
    }

    @Test
    void recordsCopyTheEmbeddingInAndOut() {
        float[] face = TestRecords.face(5);
        SubjectRecord record = SubjectRecord.builder("copy").agency("a").face(face).build();
        face[0] = 42;
        assertThat(record.face()[0]).isNotEqualTo(42);
        record.face()[1] = 42;
        assertThat(record.face()[1]).isNotEqualTo(42);
        assertThat(record.toString()).doesNotContain(Float.toString(record.face()[2]));
    }
}
