package org.borderid.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Gallery#optimize()} is durable even when nothing was enrolled since the last commit (a merge only). */
class GalleryOptimizeTest {
    @TempDir
    Path directory;

    private static long segments(Path gallery) throws IOException {
        try (Stream<Path> files = Files.list(gallery.resolve("index"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
        }
    }

    @Test
    void aMergeAloneIsCommittedAndSurvivesReopening() throws IOException {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            for (int batch = 0; batch < 3; batch++) {
                List<SubjectRecord> records = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    String id = "s-" + batch + "-" + i;
                    records.add(SubjectRecord.builder(id).agency("a").lists("l")
                            .face(TestRecords.face(batch * 1000L + i)).build());
                }
                gallery.enrollAll(records);
                gallery.refresh();
                gallery.commit(); // one segment per batch
            }
        }
        assertThat(segments(directory)).isGreaterThan(1);
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            gallery.optimize(); // no enrolment in this opening: only the merge is new
        }
        assertThat(segments(directory)).isEqualTo(1);
        try (Gallery gallery = Gallery.open(directory, TestRecords.config().withReadOnly(true))) {
            assertThat(gallery.count()).isEqualTo(450);
            assertThat(gallery.identifyFace(TestRecords.face(2005), SubjectFilter.ALL, 1).candidates().get(0)
                    .subjectId()).isEqualTo("s-2-5");
        }
    }
}
