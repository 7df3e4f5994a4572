package org.borderid.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator's JSON as the report reads it, with and without the server's CPU figures. */
class LoadRunTest {
    @TempDir
    Path dir;

    @Test
    void serverCpuAndLoadAverageBecomeColumnsWhenTheLoadGeneratorRecordedThem() throws Exception {
        Path file = Files.writeString(dir.resolve("load.json"), """
                {"scenario": "verify-face-finger", "url": "http://127.0.0.1:8080", "durationSeconds": 30, "cores": 2,
                 "steps": [{"clients": 1, "requests": 324, "errors": 0, "throughput": 10.8, "p50Ms": 78.33,
                            "p95Ms": 182.21, "p99Ms": 267.84, "maxMs": 311.04, "meanMs": 92.34,
                            "serverCpuMsPerRequest": 54.7, "loadAverage1m": 19.91, "statuses": {"200": 324}}]}""");

        LoadRun run = LoadRun.read(file);
        String table = LoadSection.table(run).render();

        assertThat(run.steps().get(0).serverCpuMsPerRequest()).isEqualTo(54.7);
        assertThat(table).contains("server CPU ms/request",
                "| 1 | 324 | 0 | 10.8 | 78.3 | 182 | 268 | 311 | 54.7 | 19.9 |");
        assertThat(LoadSection.describe(run)).contains("1000 / it");
    }

    @Test
    void olderOutputWithoutServerFiguresHasNoServerColumns() {
        String table = LoadSection.table(ReportFixtures.load()).render();

        assertThat(table).doesNotContain("server CPU");
        assertThat(LoadSection.describe(ReportFixtures.load())).doesNotContain("1000 / it");
    }

    @Test
    void somethingElseIsRefusedNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("other.json"), "{\"steps\": [{\"clients\": 0}]}");

        assertThatThrownBy(() -> LoadRun.read(file)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("other.json");
    }
}
