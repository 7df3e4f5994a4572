package org.borderid.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.borderid.gallery.SubjectRecord;
import org.borderid.server.service.FaceVector;
import org.borderid.server.service.Subject;
import org.borderid.server.service.SubjectExistsException;
import org.borderid.server.service.SubjectNotFoundException;
import org.borderid.server.service.SubjectPage;
import org.borderid.server.service.SubjectQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GallerySubjectStoreTest {
    private static final long SEED = 20261126L;

    @TempDir
    Path folder;

    @Test
    void subjectsSurviveTheGalleryWithModelTimesAndReferenceData() {
        Random random = new Random(SEED);
        Subject s = subject("p-1", "watchlist", random);
        try (GallerySubjectStore store = GallerySubjectStore.open(folder, 8)) {
            store.enroll(s);
            Subject back = store.get("p-1").orElseThrow();
            assertThat(back.face()).isEqualTo(s.face());
            assertThat(back.face().model()).isEqualTo("testmodel");
            assertThat(back.enrolled()).isEqualTo(s.enrolled());
            assertThat(back.updated()).isEqualTo(s.updated());
            assertThat(back.referenceData()).isEqualTo(Map.of("name", "Ann Example"));
            assertThat(back.fingers()).containsOnlyKeys(FingerPosition.RIGHT_INDEX);
            assertThat(back.lists()).containsExactly("watchlist");
        }
        try (GallerySubjectStore reopened = GallerySubjectStore.open(folder, 8)) {
            assertThat(reopened.get("p-1")).isPresent();
        }
    }

    @Test
    void duplicatesAndUnknownIdsAreTheServicesExceptions() {
        Random random = new Random(SEED);
        try (GallerySubjectStore store = GallerySubjectStore.open(folder, 8)) {
            store.enroll(subject("p-1", "watchlist", random));
            assertThatThrownBy(() -> store.enroll(subject("p-1", "watchlist", random)))
                    .isInstanceOf(SubjectExistsException.class);
            assertThatThrownBy(() -> store.replace(subject("p-2", "watchlist", random)))
                    .isInstanceOf(SubjectNotFoundException.class);
            assertThatThrownBy(() -> store.delete("p-2")).isInstanceOf(SubjectNotFoundException.class);
            store.delete("p-1");
            assertThat(store.get("p-1")).isEmpty();
        }
    }

    @Test
    void listingPagesByIdWithinTheQuery() {
        Random random = new Random(SEED);
        try (GallerySubjectStore store = GallerySubjectStore.open(folder, 8)) {
            for (int i = 1; i <= 5; i++) {
                store.enroll(subject("p-" + i, i % 2 == 0 ? "vip" : "watchlist", random));
            }
            SubjectQuery watchlist = new SubjectQuery("watchlist", null);
            assertThat(store.count(watchlist)).isEqualTo(3);
            SubjectPage first = store.list(watchlist, null, 2);
            assertThat(first.subjects()).extracting(Subject::id).containsExactly("p-1", "p-3");
            SubjectPage second = store.list(watchlist, first.next(), 2);
            assertThat(second.subjects()).extracting(Subject::id).containsExactly("p-5");
            assertThat(second.next()).isNull();
            store.makeSearchable();
            assertThat(store.faceCandidates(store.get("p-3").orElseThrow().face(), watchlist, 1))
                    .containsExactly("p-3");
            assertThat(store.faceCandidates(new FaceVector("other", new float[] {1, 0, 0}), watchlist, 1)).isEmpty();
        }
    }

    @Test
    void recordsWrittenByOtherToolsReadWithUnknownModelAndTimes() {
        SubjectRecord foreign = SubjectRecord.builder("x-1").agency("other").lists("watchlist")
                .attribute("name", "B").face(new float[] {1, 2, 3}).build();
        Subject s = GallerySubjectStore.subject(foreign);
        assertThat(s.face().model()).isEqualTo(GallerySubjectStore.UNKNOWN_MODEL);
        assertThat(s.enrolled()).isEqualTo(Instant.EPOCH);
        assertThat(s.referenceData()).isEqualTo(Map.of("name", "B"));
    }

    private static Subject subject(String id, String list, Random random) {
        float[] face = new float[8];
        for (int i = 0; i < face.length; i++) {
            face[i] = (float) random.nextGaussian();
        }
        Instant t = Instant.parse("2026-11-26T10:15:30.123Z");
        return new Subject(id, "agency-1", List.of(list), Map.of("name", "Ann Example"), new FaceVector("testmodel",
                face), Map.of(FingerPosition.RIGHT_INDEX, template(random)), t, t.plusSeconds(5));
    }

    private static FingerprintTemplate template(Random random) {
        List<Minutia> minutiae = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            minutiae.add(Minutia.ofAngleSteps(20 + random.nextInt(340), 20 + random.nextInt(340),
                    random.nextInt(Minutia.ANGLE_STEPS), random.nextBoolean() ? MinutiaType.ENDING
                            : MinutiaType.BIFURCATION, 60));
        }
        return FingerprintTemplate.of(388, 374, minutiae, 70);
    }
}
