package org.borderid.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.borderid.finger.FingerPosition;
import org.borderid.gallery.engine.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, locked, foreign and newer-format galleries: each is refused with a typed error, and what was stored stays
 * intact (the files are byte-for-byte unchanged, and the gallery opens again once the cause is removed).
 */
class GalleryStorageFaultsTest {
    @TempDir
    Path directory;

    private void populate(int subjects) {
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            for (int i = 0; i < subjects; i++) {
                gallery.enroll(TestRecords.record("S-" + i, 1));
            }
        }
    }

    @Test
    void secondOpeningOfTheSameDirectoryIsRefusedAsLocked() {
        try (Gallery first = Gallery.open(directory, TestRecords.config())) {
            first.enroll(TestRecords.record("S-1", 1));
            assertThatThrownBy(() -> Gallery.open(directory, TestRecords.config()))
                    .isInstanceOf(GalleryLockedException.class).hasMessageContaining(directory.toString());
            first.enroll(TestRecords.record("S-2", 1));
            assertThat(first.count()).isEqualTo(2);
        }
        try (Gallery again = Gallery.open(directory, TestRecords.config())) {
            assertThat(again.count()).as("the lock is released on close").isEqualTo(2);
        }
    }

    @Test
    void newerFormatVersionIsRefusedBeforeAnythingIsTouched() throws Exception {
        populate(3);
        Path manifest = directory.resolve(Manifest.FILE_NAME);
        byte[] original = Files.readAllBytes(manifest);
        byte[] newer = original.clone();
        ByteBuffer.wrap(newer).putShort(4, (short) (Manifest.CURRENT_VERSION + 1));
        Files.write(manifest, newer);
        Map<String, String> before = digests();
        assertThatThrownBy(() -> Gallery.open(directory, TestRecords.config()))
                .isInstanceOfSatisfying(GalleryVersionException.class, e -> {
                    assertThat(e.foundVersion()).isEqualTo(Manifest.CURRENT_VERSION + 1);
                    assertThat(e.supportedVersion()).isEqualTo(Manifest.CURRENT_VERSION);
                });
        assertThat(digests()).as("no file was changed").isEqualTo(before);
        Files.write(manifest, original);
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            assertThat(gallery.count()).isEqualTo(3);
            assertThat(gallery.get("S-2")).isEqualTo(TestRecords.record("S-2", 1));
        }
    }

    @Test
    void damagedManifestIsReportedAsCorruption() throws Exception {
        populate(1);
        Path manifest = directory.resolve(Manifest.FILE_NAME);
        byte[] bytes = Files.readAllBytes(manifest);
        bytes[8] ^= 0x01; // a schema byte: the CRC no longer matches
        Files.write(manifest, bytes);
        assertThatThrownBy(() -> Gallery.open(directory, TestRecords.config()))
                .isInstanceOf(GalleryCorruptedException.class).hasMessageContaining("checksum");
    }

    @Test
    void damagedIndexCommitIsRefusedAndNothingIsOverwritten() throws Exception {
        populate(5);
        Path segments;
        try (Stream<Path> files = Files.list(directory.resolve("index"))) {
            segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst()
                    .orElseThrow();
        }
        byte[] original = Files.readAllBytes(segments);
        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(segments, damaged);
        Map<String, String> before = digests();
        assertThatThrownBy(() -> Gallery.open(directory, TestRecords.config()))
                .isInstanceOf(GalleryCorruptedException.class).hasMessageContaining("damaged");
        assertThat(digests()).as("no file was changed").isEqualTo(before);
        Files.write(segments, original);
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            assertThat(gallery.count()).isEqualTo(5);
            assertThat(gallery.verify()).isEmpty();
        }
    }

    @Test
    void directoryThatIsNotAGalleryIsRefusedAndLeftAlone() throws Exception {
        Path file = directory.resolve("notes.txt");
        Files.writeString(file, "not a gallery");
        assertThatThrownBy(() -> Gallery.open(directory, TestRecords.config()))
                .isInstanceOf(GalleryCorruptedException.class).hasMessageContaining("not a gallery");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void damagedStoredTemplateIsReportedBySearchesAndVerification() throws Exception {
        SubjectRecord victim = TestRecords.record("S-1", 1);
        populate(4);
        byte[] template = victim.fingers().get(FingerPosition.RIGHT_INDEX).toByteArray();
        byte[] needle = java.util.Arrays.copyOfRange(template, 12, template.length - 4); // the minutiae
        int flipped = flipEverywhere(needle);
        assertThat(flipped).as("copies of the template found in the index files").isPositive();
        try (Gallery gallery = Gallery.open(directory, TestRecords.config())) {
            Identification result = gallery.identifyFingers(
                    Map.of(FingerPosition.RIGHT_INDEX, victim.fingers().get(FingerPosition.RIGHT_INDEX)),
                    SubjectFilter.ALL, 4);
            assertThat(result.unreadable()).containsExactly("S-1");
            assertThat(result.candidates()).extracting(Candidate::subjectId).doesNotContain("S-1");
            assertThatThrownBy(gallery::verify).isInstanceOf(GalleryCorruptedException.class);
            assertThat(gallery.get("S-2")).as("other subjects read fine").isEqualTo(TestRecords.record("S-2", 1));
        }
    }

    /** Flips a byte in the middle of every occurrence of {@code needle} in the index files; returns how many. */
    private int flipEverywhere(byte[] needle) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.list(directory.resolve("index"))) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                boolean changed = false;
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        bytes[i + needle.length / 2] ^= 0x10;
                        changed = true;
                        count++;
                    }
                }
                if (changed) {
                    Files.write(file, bytes);
                }
            }
        }
        return count;
    }

    private Map<String, String> digests() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(directory.relativize(f).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

}
