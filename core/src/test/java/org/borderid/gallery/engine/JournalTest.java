package org.borderid.gallery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borderid.gallery.GalleryCorruptedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's recovery rules: a torn last write is dropped, damage to acknowledged frames is refused. */
class JournalTest {
    @TempDir
    Path directory;

    private static JournalEntry entry(long seq) {
        return new JournalEntry(seq, JournalEntry.Op.DELETE, ("id-" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private List<Long> replay(long committed) {
        List<Long> seqs = new ArrayList<>();
        try (Journal journal = Journal.openAndReplay(directory, committed, e -> seqs.add(e.seq()),
                new Journal.ReplayStats())) {
            return seqs;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path writeFrames(int frames, int perFrame) throws Exception {
        try (Journal journal = Journal.openAndReplay(directory, 0, e -> { }, new Journal.ReplayStats())) {
            journal.start(1);
            long seq = 1;
            for (int f = 0; f < frames; f++) {
                List<JournalEntry> batch = new ArrayList<>();
                for (int i = 0; i < perFrame; i++) {
                    batch.add(entry(seq++));
                }
                journal.append(batch);
            }
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".wal")).findFirst().orElseThrow();
        }
    }

    @Test
    void replaysEveryEntryAboveTheCommittedSequenceInOrder() throws Exception {
        writeFrames(4, 3);
        assertThat(replay(0)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(replay(7)).containsExactly(8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void incompleteLastWriteIsDroppedAndKeptAside() throws Exception {
        Path segment = writeFrames(3, 2);
        long intact = Files.size(segment);
        byte[] partial = {0, 0, 0, 40, 1, 2, 3, 4, 9, 9, 9}; // a frame header promising more than was written
        Files.write(segment, partial, StandardOpenOption.APPEND);
        Journal.ReplayStats stats = new Journal.ReplayStats();
        List<Long> seqs = new ArrayList<>();
        try (Journal journal = Journal.openAndReplay(directory, 0, e -> seqs.add(e.seq()), stats)) {
            assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(stats.tornBytes).isEqualTo(partial.length);
            assertThat(stats.lastSeq).isEqualTo(6);
        }
        assertThat(Files.size(segment)).isEqualTo(intact);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(f -> f.toString().endsWith(".torn")).count()).isEqualTo(1);
        }
    }

    @Test
    void zeroFilledTailAfterACrashIsDropped() throws Exception {
        Path segment = writeFrames(2, 2);
        Files.write(segment, new byte[4096], StandardOpenOption.APPEND);
        assertThat(replay(0)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void damageFollowedByIntactFramesIsCorruptionNotATornTail() throws Exception {
        Path segment = writeFrames(3, 2);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[20 + 8 + 6] ^= 0x01; // inside the first frame's payload
        Files.write(segment, bytes);
        assertThatThrownBy(() -> replay(0)).isInstanceOf(GalleryCorruptedException.class)
                .hasMessageContaining("intact changes follow");
    }

    @Test
    void coveredSegmentsAreDeletedAfterRotation() throws Exception {
        try (Journal journal = Journal.openAndReplay(directory, 0, e -> { }, new Journal.ReplayStats())) {
            journal.start(1);
            journal.append(List.of(entry(1), entry(2)));
            journal.start(3); // what opening does after a replay: a fresh segment
            journal.append(List.of(entry(3)));
            assertThat(journal.segmentCount()).isEqualTo(2);
            journal.deleteCoveredSegments(1);
            assertThat(journal.segmentCount()).as("seq 2 is not committed yet").isEqualTo(2);
            journal.deleteCoveredSegments(2);
            assertThat(journal.segmentCount()).isEqualTo(1);
        }
        assertThat(replay(2)).containsExactly(3L);
    }
}
