package org.borderid.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderid.finger.FingerPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's record management: enrol, get, replace, delete, errors, listing, paging, counting, filters. */
class GalleryTest {
    @TempDir
    Path directory;

    @Test
    void enrolledRecordReadsBackEqualAndSurvivesReopening() {
        SubjectRecord record = TestRecords.record("P-1", 1);
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            gallery.enroll(record);
            assertThat(gallery.get("P-1")).isEqualTo(record);
            assertThat(gallery.contains("P-1")).isTrue();
            assertThat(gallery.count()).isEqualTo(1);
        }
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            assertThat(gallery.get("P-1")).isEqualTo(record);
            assertThat(gallery.get("P-1").face()).containsExactly(record.face());
        }
    }

    @Test
    void duplicateEnrolmentIsRefusedAndKeepsTheFirstRecord() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            gallery.enroll(TestRecords.record("P-1", 1));
            assertThatThrownBy(() -> gallery.enroll(TestRecords.record("P-1", 2)))
                    .isInstanceOf(DuplicateSubjectException.class).hasMessageContaining("P-1")
                    .satisfies(e -> assertThat(((DuplicateSubjectException) e).subjectId()).isEqualTo("P-1"));
            assertThat(gallery.get("P-1")).isEqualTo(TestRecords.record("P-1", 1));
        }
    }

    @Test
    void batchWithADuplicateIsRefusedWhole() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            gallery.enroll(TestRecords.record("P-1", 1));
            assertThatThrownBy(() -> gallery.enrollAll(List.of(TestRecords.record("P-2", 1),
                    TestRecords.record("P-1", 1)))).isInstanceOf(DuplicateSubjectException.class);
            assertThatThrownBy(() -> gallery.enrollAll(List.of(TestRecords.record("P-3", 1),
                    TestRecords.record("P-3", 1)))).isInstanceOf(DuplicateSubjectException.class);
            assertThat(gallery.contains("P-2")).isFalse();
            assertThat(gallery.contains("P-3")).isFalse();
            gallery.enrollAll(List.of(TestRecords.record("P-2", 1), TestRecords.record("P-3", 1)));
            assertThat(gallery.count()).isEqualTo(3);
        }
    }

    @Test
    void unknownIdsAreReportedByGetReplaceAndDelete() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            assertThatThrownBy(() -> gallery.get("nobody")).isInstanceOf(UnknownSubjectException.class)
                    .hasMessageContaining("nobody");
            assertThatThrownBy(() -> gallery.replace(TestRecords.record("nobody", 1)))
                    .isInstanceOf(UnknownSubjectException.class);
            assertThatThrownBy(() -> gallery.delete("nobody")).isInstanceOf(UnknownSubjectException.class);
            assertThat(gallery.find("nobody")).isEmpty();
            assertThat(gallery.count()).isZero();
        }
    }

    @Test
    void replaceChangesTheRecordAndItsSearchEntries() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            gallery.enroll(TestRecords.record("P-1", 1));
            gallery.replace(TestRecords.record("P-1", 2));
            assertThat(gallery.get("P-1")).isEqualTo(TestRecords.record("P-1", 2));
            gallery.refresh();
            float[] newFace = TestRecords.record("P-1", 2).face();
            Identification hit = gallery.identifyFace(newFace, SubjectFilter.ALL, 1);
            assertThat(hit.candidates()).singleElement().satisfies(c -> {
                assertThat(c.subjectId()).isEqualTo("P-1");
                assertThat(c.score()).isGreaterThan(0.999);
            });
            assertThat(gallery.statistics().fingers()).as("the old fingers are gone").isEqualTo(2);
        }
    }

    @Test
    void deletedSubjectIsGoneFromReadsAndSearchesAtOnce() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            SubjectRecord record = TestRecords.record("P-1", 1);
            gallery.enroll(record);
            gallery.enroll(TestRecords.record("P-2", 1));
            gallery.refresh();
            gallery.delete("P-1");
            assertThat(gallery.contains("P-1")).isFalse();
            assertThat(gallery.count()).isEqualTo(1);
            // searches honour the deletion before the next refresh
            assertThat(gallery.identifyFace(record.face(), SubjectFilter.ALL, 2).candidates())
                    .extracting(Candidate::subjectId).doesNotContain("P-1");
            assertThat(gallery.identifyFingers(record.fingers(), SubjectFilter.ALL, 2).candidates())
                    .extracting(Candidate::subjectId).doesNotContain("P-1");
            gallery.enroll(record);
            assertThat(gallery.get("P-1")).as("an id can be enrolled again after deletion").isEqualTo(record);
        }
    }

    @Test
    void listingPagesThroughSubjectsInIdOrderWithFilters() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            List<SubjectRecord> all = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                all.add(TestRecords.record(String.format("S-%03d", i), 1));
            }
            gallery.enrollAll(all.subList(0, 15));
            gallery.refresh();
            all.subList(15, 23).forEach(gallery::enroll); // some still pending in the overlay
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                SubjectPage page = gallery.list(SubjectFilter.ALL, after, 5);
                page.records().forEach(r -> seen.add(r.id()));
                after = page.next().orElse(null);
                pages++;
            } while (after != null);
            assertThat(seen).containsExactlyElementsOf(all.stream().map(SubjectRecord::id).sorted().toList());
            assertThat(pages).isEqualTo(5);

            SubjectFilter watchlist = SubjectFilter.inLists("watchlist");
            List<String> expected = all.stream().filter(watchlist::test).map(SubjectRecord::id).sorted().toList();
            assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
            assertThat(gallery.list(watchlist, null, 100).records()).extracting(SubjectRecord::id)
                    .containsExactlyElementsOf(expected);
            assertThat(gallery.count(watchlist)).isEqualTo(expected.size());
            SubjectFilter both = watchlist.andAgencies("interpol");
            assertThat(gallery.count(both)).isEqualTo(all.stream().filter(both::test).count());
        }
    }

    @Test
    void searchesStayWithinTheFilter() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            List<SubjectRecord> all = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                all.add(TestRecords.record("S-" + i, 1));
            }
            gallery.enrollAll(all);
            gallery.refresh();
            SubjectFilter watchlist = SubjectFilter.inLists("watchlist");
            SubjectRecord outside = all.stream().filter(r -> !watchlist.test(r)).findFirst().orElseThrow();
            Identification byFace = gallery.identifyFace(outside.face(), watchlist, 30);
            Identification byFinger = gallery.identifyFingers(outside.fingers(), watchlist, 30);
            long members = all.stream().filter(watchlist::test).count();
            assertThat(byFace.candidates()).hasSize((int) members).allSatisfy(c ->
                    assertThat(watchlist.test(gallery.get(c.subjectId()))).isTrue());
            assertThat(byFace.searched()).isEqualTo(members);
            assertThat(byFinger.candidates()).extracting(Candidate::subjectId).doesNotContain(outside.id())
                    .allSatisfy(id -> assertThat(watchlist.test(gallery.get(id))).isTrue());
            assertThat(gallery.identifyFingers(outside.fingers(), SubjectFilter.ALL, 1).candidates())
                    .extracting(Candidate::subjectId).containsExactly(outside.id());
        }
    }

    @Test
    void severalProbeFingersAreFusedPerSubject() {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            for (int i = 0; i < 10; i++) {
                gallery.enroll(TestRecords.record("S-" + i, 1));
            }
            gallery.refresh();
            SubjectRecord target = TestRecords.record("S-3", 1);
            Identification result = gallery.identifyFingers(target.fingers(), SubjectFilter.ALL, 3);
            Candidate best = result.candidates().get(0);
            assertThat(best.subjectId()).isEqualTo("S-3");
            assertThat(best.fingerScores()).containsOnlyKeys(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX);
            assertThat(best.score()).isCloseTo(best.fingerScores().values().stream().mapToDouble(d -> d).sum(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(result.searched()).as("both probe fingers searched their position").isEqualTo(20);
            Identification any = gallery.identifyFingers(Map.of(FingerPosition.UNKNOWN,
                    target.fingers().get(FingerPosition.LEFT_INDEX)), SubjectFilter.ALL, 1);
            assertThat(any.searched()).as("an unknown position searches every finger").isEqualTo(20);
            assertThat(any.candidates().get(0).subjectId()).isEqualTo("S-3");
        }
    }
}
