package org.borderid.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {
    @TempDir
    Path dir;

    @Test
    void readsTrialsWithParametersPercentilesCountersAndUnknownErrors() throws Exception {
        Path file = dir.resolve("r.json");
        new JmhJson().sample("gallery.FaceIdentificationBenchmark.identify", 1, Map.of("gallerySize", "10000"), 1.5,
                        Double.NaN, 1.2, 2, 3, 77, Map.of("searches", 10.0, "candidates", 2_000.0))
                .throughput("finger.TemplateCodecBenchmark.decode", Map.of("system", "borderid"), 1000, 10,
                        Map.of("bytes", 250_000.0))
                .write(file);

        List<JmhResult> results = JmhResults.read(file);

        assertThat(results).hasSize(2);
        JmhResult sample = results.get(0);
        assertThat(sample.shortName()).isEqualTo("FaceIdentificationBenchmark.identify");
        assertThat(sample.mode()).isEqualTo(JmhResult.SAMPLE_TIME);
        assertThat(sample.param("gallerySize")).contains("10000");
        assertThat(sample.primary().hasError()).isFalse();
        assertThat(sample.primary().percentile(99)).contains(3.0);
        assertThat(sample.primary().samples()).isEqualTo(77);
        assertThat(Counters.ratio(sample, "candidates", "searches")).contains(200.0);
        JmhResult thrpt = results.get(1);
        assertThat(thrpt.primary().samples()).isEqualTo(2);
        assertThat(Counters.perOperation(thrpt, "bytes").orElseThrow()).isCloseTo(250, within(1e-9));
        assertThat(thrpt.warmup()).isEqualTo("4 × 2 s");
    }

    @Test
    void refusesWhatIsNotAJmhResultFileNamingTheFile() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "{ not json");
        Path notArray = Files.writeString(dir.resolve("b.json"), "{\"benchmark\": \"x\"}");
        Path noMetric = Files.writeString(dir.resolve("c.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\"}]");

        assertThatThrownBy(() -> JmhResults.read(notJson)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("a.json").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JmhResults.read(notArray)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> JmhResults.read(noMetric)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("trial 1").hasMessageContaining("primaryMetric");
        assertThatThrownBy(() -> JmhResults.read(dir.resolve("missing.json")))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("cannot read");
    }

    @Test
    void averageTimeCountersAreTimePerCountedUnit() throws Exception {
        // JMH reports an OPERATIONS counter in average-time mode as ms per counted unit: 2 ms/op, 0.2 ms/unit -> 10
        JmhResult r = new JmhResult("a.B.c", JmhResult.AVERAGE_TIME, 1, 1, "0 × 1 s", "1 × 1 s", "25",
                Map.of(), new JmhResult.Metric(2, Double.NaN, "ms/op", Map.of(), 1),
                Map.of("candidates", new JmhResult.Metric(0.2, Double.NaN, "ms/op", Map.of(), 1)));

        assertThat(Counters.perOperation(r, "candidates").orElseThrow()).isCloseTo(10, within(1e-9));
        assertThat(Counters.ratio(r, "candidates", "searches")).isEmpty();
    }

    @Test
    void aLaterRunSupersedesTheSameTrialOfAnEarlierOne() {
        JmhResult old = trial("a.B.c", "10", 2);
        JmhResult other = trial("a.B.c", "100", 3);
        JmhResult fresh = trial("a.B.c", "10", 1);
        ReportInputs in = new ReportInputs(List.of(new ReportInputs.JmhRun("old.json", List.of(old, other), null),
                new ReportInputs.JmhRun("new.json", List.of(fresh), null)), null, null, null, null,
                Assumptions.DEFAULT);

        assertThat(in.jmh()).as("same benchmark and parameters: the later run's trial, in the earlier one's place")
                .containsExactly(fresh, other);
    }

    private static JmhResult trial(String benchmark, String size, double ms) {
        return new JmhResult(benchmark, JmhResult.AVERAGE_TIME, 1, 1, "0 × 1 s", "1 × 1 s", "25",
                Map.of("gallerySize", size), new JmhResult.Metric(ms, Double.NaN, "ms/op", Map.of(), 1), Map.of());
    }
}
