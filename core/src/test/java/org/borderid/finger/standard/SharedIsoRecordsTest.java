package org.borderid.finger.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Every ISO/IEC 19794-2:2005 record in the shared data: FVC2002 DB1..DB4 (third-party SDK) and SourceAFIS's. */
class SharedIsoRecordsTest {
    private static List<Path> isoFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int db = 1; db <= 4; db++) {
            try (Stream<Path> list = Files.list(SharedData.require("data/fingerprints/fvc2002/DB" + db + "_B"))) {
                list.filter(p -> p.toString().endsWith(".iso")).sorted().forEach(files::add);
            }
        }
        try (Stream<Path> list = Files.list(SharedData.require("data/fingerprints/sourceafis-testres"))) {
            list.filter(p -> p.getFileName().toString().startsWith("iso-")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everySharedIsoRecordParsesConvertsAndRewritesToTheSameBytes() throws IOException {
        List<Path> files = isoFiles();
        int minutiae = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(FingerMinutiaeRecord.detect(bytes)).as(file.toString()).isEqualTo(RecordFormat.ISO_19794_2_2005);
            FingerMinutiaeRecord record = FingerMinutiaeRecord.read(bytes, RecordFormat.ISO_19794_2_2005);
            assertThat(record.views()).as(file.toString()).hasSize(1);

            // Writing gives the record's bytes back (SourceAFIS's files carry zero padding after the record).
            byte[] written = record.write(RecordFormat.ISO_19794_2_2005);
            assertThat(written).as(file.toString()).isEqualTo(Arrays.copyOf(bytes, written.length));
            for (int i = written.length; i < bytes.length; i++) {
                assertThat(bytes[i]).as("padding of %s", file).isZero();
            }

            FingerView view = record.views().get(0);
            FingerprintTemplate template = record.toTemplate(view);
            assertThat(template.minutiae()).as(file.toString()).hasSameSizeAs(view.minutiae());
            minutiae += view.minutiae().size();
        }
        // 4 databases × 80 records + SourceAFIS's probe, matching and non-matching records.
        assertThat(files).hasSize(323);
        assertThat(minutiae).isEqualTo(10_329); // every record's minutiae, counted independently from the bytes
    }
}
