package org.borderid.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineRecordTest {
    @TempDir
    Path dir;

    @Test
    void recordsThisMachineAndRoundTripsThroughJson() throws Exception {
        MachineRecord r = MachineRecord.start(List.of("-rf", "json")).finish();

        assertThat(r.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(r.jdk()).contains(System.getProperty("java.runtime.version"));
        assertThat(Instant.parse(r.end())).isAfterOrEqualTo(Instant.parse(r.start()));
        Path file = dir.resolve("m/run.machine.json");
        r.write(file);
        assertThat(MachineRecord.read(file)).isEqualTo(r);
    }

    @Test
    void sitsBesideTheResultFile() {
        assertThat(MachineRecord.sidecar(Path.of("docs/performance/jmh.json")))
                .isEqualTo(Path.of("docs/performance/jmh.machine.json"));
        assertThat(MachineRecord.sidecar(Path.of("results"))).isEqualTo(Path.of("results.machine.json"));
    }

    @Test
    void refusesAMalformedRecord() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.machine.json"), "{\"cpu\": \"x\", \"cores\": 0}");

        assertThatThrownBy(() -> MachineRecord.read(file)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("bad.machine.json");
    }
}
