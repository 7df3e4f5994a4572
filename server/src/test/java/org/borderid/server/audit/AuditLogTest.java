package org.borderid.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderid.server.security.Principal;
import org.borderid.server.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final Principal ADMIN = new Principal("abcdefghijkl", Role.ADMIN);

    @TempDir
    Path data;

    Path log() {
        return data.resolve("audit").resolve("audit.jsonl");
    }

    void writeEntries(int n) {
        try (AuditLog audit = AuditLog.open(data)) {
            for (int i = 1; i <= n; i++) {
                audit.append(ADMIN, AuditAction.ENROLL, "subject-" + i, "ok", "");
            }
        }
    }

    List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(log(), StandardCharsets.UTF_8));
    }

    void rewrite(List<String> lines) throws IOException {
        Files.write(log(), (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void appendedEntriesChainAndVerify() {
        writeEntries(5);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).as(v.problem()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        try (AuditLog audit = AuditLog.open(data)) {
            List<AuditEntry> all = audit.read(1, 100);
            assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(all.get(0).prev()).isEqualTo("0".repeat(64));
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).prev()).isEqualTo(all.get(i - 1).hash());
            }
            assertThat(all.get(2).actor()).isEqualTo("abcdefghijkl");
            assertThat(all.get(2).action()).isEqualTo("enroll");
            assertThat(audit.head().seq()).isEqualTo(5);
            assertThat(audit.head().hash()).isEqualTo(all.get(4).hash());
            // Reopening continues the chain.
            AuditEntry sixth = audit.append(ADMIN, AuditAction.DELETE, "subject-1", "ok", "");
            assertThat(sixth.seq()).isEqualTo(6);
            assertThat(sixth.prev()).isEqualTo(all.get(4).hash());
        }
        assertThat(AuditLog.verify(data).ok()).isTrue();
    }

    @Test
    void pagedReadsUseTheSparseIndex() {
        writeEntries(300);
        try (AuditLog audit = AuditLog.open(data)) {
            assertThat(audit.read(129, 3)).extracting(AuditEntry::seq).containsExactly(129L, 130L, 131L);
            assertThat(audit.read(298, 10)).extracting(AuditEntry::seq).containsExactly(298L, 299L, 300L);
            assertThat(audit.read(301, 10)).isEmpty();
            assertThat(audit.read(64, 1).get(0).subject()).isEqualTo("subject-64");
        }
    }

    @Test
    void editedEntryIsDetectedAtItsLine() throws IOException {
        writeEntries(10);
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("subject-4", "subject-X"));
        rewrite(lines);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(4);
        assertThat(v.problem()).contains("hash");
        assertThatThrownBy(() -> AuditLog.open(data)).isInstanceOf(AuditLogException.class).hasMessageContaining(
                "line 4");
    }

    @Test
    void editedAndRehashedEntryBreaksTheNextLink() throws IOException {
        writeEntries(10);
        List<String> lines = lines();
        AuditEntry e = AuditChain.parse(lines.get(4));
        AuditEntry forged = AuditChain.seal(e.seq(), e.time(), e.actor(), e.role(), e.action(), "subject-FORGED",
                e.outcome(), e.detail(), e.prev());
        lines.set(4, AuditChain.line(forged));
        rewrite(lines);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(6);
        assertThat(v.problem()).contains("does not chain");
    }

    @Test
    void removedEntryIsDetected() throws IOException {
        writeEntries(10);
        List<String> lines = lines();
        lines.remove(6);
        rewrite(lines);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(7);
    }

    @Test
    void reorderedEntriesAreDetected() throws IOException {
        writeEntries(10);
        List<String> lines = lines();
        Collections.swap(lines, 2, 3);
        rewrite(lines);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(3);
    }

    @Test
    void truncationAtALineBoundaryIsDetectedByTheHeadCheckpoint() throws IOException {
        writeEntries(10);
        List<String> lines = lines();
        rewrite(lines.subList(0, 7));
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(8);
        assertThat(v.problem()).contains("entries 8..10 were removed");
        assertThatThrownBy(() -> AuditLog.open(data)).isInstanceOf(AuditLogException.class);
    }

    @Test
    void emptiedLogIsDetected() throws IOException {
        writeEntries(3);
        rewrite(List.of());
        assertThat(AuditLog.verify(data).ok()).isFalse();
    }

    @Test
    void deletedHeadCheckpointIsDetected() throws IOException {
        writeEntries(3);
        Files.delete(data.resolve("audit").resolve(AuditHead.FILE_NAME));
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.problem()).contains("head checkpoint");
    }

    @Test
    void truncationInsideACoveredLineIsTamperingNotACrash() throws IOException {
        writeEntries(4);
        byte[] bytes = Files.readAllBytes(log());
        Files.write(log(), java.util.Arrays.copyOf(bytes, bytes.length - 20));
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.tornTail()).isFalse();
        assertThat(v.badLine()).isEqualTo(4);
        assertThatThrownBy(() -> AuditLog.open(data)).isInstanceOf(AuditLogException.class);
    }

    @Test
    void tornUnacknowledgedLastLineIsMovedAsideOnOpen() throws IOException {
        writeEntries(4);
        // A crash in the middle of writing entry 5: half a line, the checkpoint still at 4.
        Files.write(log(), "{\"seq\":5,\"time\":\"2025-".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.tornTail()).isTrue();
        try (AuditLog audit = AuditLog.open(data)) {
            assertThat(audit.head().seq()).isEqualTo(4);
            assertThat(audit.append(ADMIN, AuditAction.ENROLL, "subject-5", "ok", "").seq()).isEqualTo(5);
        }
        assertThat(AuditLog.verify(data).ok()).isTrue();
        try (var files = Files.list(data.resolve("audit"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("audit.jsonl.torn-"));
        }
    }

    @Test
    void appendedGarbageLineIsDetected() throws IOException {
        writeEntries(2);
        Files.write(log(), "not json\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(3);
    }

    @Test
    void concurrentAppendsFormOneGaplessChain() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int threads = 8;
        int perThread = 40;
        try (AuditLog audit = AuditLog.open(data)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                int jitter = random.nextInt(3);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        audit.append(ADMIN, AuditAction.IDENTIFY_HIT, "s" + id + "-" + i, "rank=1", "watchlist");
                        if (jitter > 0) {
                            Thread.onSpinWait();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(audit.head().seq()).as("seed %d", seed).isEqualTo(threads * perThread);
        }
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).as("seed %d: %s", seed, v.problem()).isTrue();
        assertThat(v.entries()).isEqualTo(threads * perThread);
    }

    @Test
    void entriesEscapeTextAndStayCanonical() {
        try (AuditLog audit = AuditLog.open(data)) {
            audit.append(ADMIN, AuditAction.REPLACE, "id with \"quotes\" and \u00e9", "ok", "line\nbreak");
        }
        assertThat(AuditLog.verify(data).ok()).isTrue();
        try (AuditLog audit = AuditLog.open(data)) {
            assertThat(audit.read(1, 1).get(0).detail()).isEqualTo("line\nbreak");
        }
    }
}
