package org.borderid.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.borderid.cli.UsageException;
import org.junit.jupiter.api.Test;

class LoadCommandTest {
    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 1..100 ms, unsorted
        }
        LatencyStats s = LatencyStats.of(nanos);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p95Ms()).isEqualTo(95.0);
        assertThat(s.p99Ms()).isEqualTo(99.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(LatencyStats.of(new long[] {7_000_000}).p99Ms()).isEqualTo(7.0);
        assertThat(LatencyStats.of(new long[0]).count()).isZero();
    }

    @Test
    void durationsAndClientListsParse() {
        assertThat(LoadCommand.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoadCommand.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadCommand.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadCommand.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> LoadCommand.duration("soon")).isInstanceOf(UsageException.class);
        assertThat(LoadCommand.clients("1,2, 4,8")).containsExactly(1, 2, 4, 8);
        assertThatThrownBy(() -> LoadCommand.clients("0")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> LoadCommand.clients("a")).isInstanceOf(UsageException.class);
    }

    @Test
    void scenariosParseByTheirCommandLineNames() {
        assertThat(Scenario.parse("verify-face-finger")).isEqualTo(Scenario.VERIFY_FACE_FINGER);
        assertThat(Scenario.parse("identify").path()).isEqualTo("/v1/identify");
        assertThatThrownBy(() -> Scenario.parse("dance")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverCpuPerRequestComesFromTheServersPrometheusMetrics() {
        String before = "# HELP process_cpu_time_ns_total x\nprocess_cpu_time_ns_total 1.0E9\nsystem_load_average_1m 3.5\n";
        String after = "process_cpu_time_ns_total 3.0E9\nsystem_load_average_1m 4.25\n";
        var b = ServerGauges.parse(before);
        var a = ServerGauges.parse(after);
        assertThat(a).isPresent();
        assertThat(a.get().loadAverage()).hasValue(4.25);
        assertThat(ServerGauges.cpuMsPerRequest(b, a, 40)).isEqualTo(50.0);
        assertThat(ServerGauges.parse("jvm_threads_live 3\n")).isEmpty();
        assertThat(ServerGauges.cpuMsPerRequest(b, ServerGauges.parse(""), 40)).isNaN();
        assertThat(ServerGauges.parse("process_cpu_time_ns_total 5\nsystem_load_average_1m -1.0\n").get()
                .loadAverage()).isEmpty();
    }
}
