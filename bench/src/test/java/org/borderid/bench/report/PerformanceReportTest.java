package org.borderid.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.FigureWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceReportTest {
    private static final String COMMAND = "./borderid bench-report --jmh docs/performance/jmh.json";

    @TempDir
    Path dir;

    private PerformanceReport generate() throws Exception {
        Path jmh = dir.resolve("jmh.json");
        ReportFixtures.writeJmh(jmh);
        return PerformanceReport.generate(ReportFixtures.inputs(jmh), "performance/", "svg", COMMAND);
    }

    @Test
    void capacityEstimateFollowsFromTheKioskTrialsAndTheGalleryFootprint() throws Exception {
        String md = generate().markdown();

        assertThat(md).contains("| transactions/s per core, one kiosk | 10 |",
                "| transactions/s per node, saturated | 18.2 | measured: 2 concurrent kiosks on 2 cores |",
                "| transactions/s per core, saturated | 9.09 |",
                // 18.18 tx/s x 0.5 utilisation x 15 s between transactions of one kiosk
                "| kiosks per node | 136 |",
                "| heap per subject (1 face + 10 fingers) | 9.77 KiB |",
                "| disk per subject | 4.88 KiB |",
                // (24 GiB - 4 GiB) / 15,000 bytes and / 10,000 bytes
                "| subjects per node, index in memory | 1,431,655 |",
                "| subjects per node, heap only | 2,147,483 |");
    }

    @Test
    void kioskTableDerivesThroughputFromThreadsOverMeanTime() throws Exception {
        String md = generate().markdown();

        assertThat(md).contains("| 1 | 10 ± 0.2 | 100 ± 2 | 95 | 120 | 150 | 100% |",
                "| 2 | 18.2 ± 0.496 | 110 ± 3 | 105 | 130 | 170 | 91% |",
                "| 4 | 17.4 ± 0.378 | 230 ± 5 | 220 | 260 | 300 | 87% |",
                "| 1 | 240 | 0 | 8 | 120 | 150 | 170 | 200 |",
                "![Throughput and latency vs concurrent kiosks](performance/kiosk-scaling.svg)");
    }

    @Test
    void identificationShowsPercentilesAndCandidatesPerSearchBySize() throws Exception {
        String md = generate().markdown();

        assertThat(md).contains(
                "| `FingerprintIdentificationBenchmark.identify` | 10k | 400 | 2 | 3 | 4 | candidates 10,000 |",
                "| `FingerprintIdentificationBenchmark.identify` | 1M | 11.1 | 80 | 110 | 150 | candidates 10,000 |");
    }

    @Test
    void peerTablePutsBothSystemsSideBySideWithTheSpeedRatio() throws Exception {
        String md = generate().markdown();

        assertThat(md).contains(
                "| `FingerprintComparisonBenchmark.preparedProbe (database=fvc2002/DB1_B)` | ops/s | 20,000 ± 500 | "
                        + "4,000 ± 100 | 5× |",
                "| `FingerprintExtractionBenchmark.extract` | median ms | 30 | 60 | 2× |",
                "BorderID 250 bytes, SourceAFIS 430 bytes");
    }

    @Test
    void runSectionNamesTheMachineDateLoadAndCommand() throws Exception {
        String md = generate().markdown();

        assertThat(md).contains("2 cores (Test CPU @ 3.0GHz), 24.0 GiB memory, Linux 6.18 amd64, Eclipse Adoptium 25.0.3",
                "2026-11-26 10:00 UTC to 2026-11-26 11:30 UTC", "`abc123def456`",
                "1-minute load average 0.9 on average, 1.8 at most, on 2 cores",
                "`java -jar bench/target/benchmarks.jar -rf json -rff docs/performance/jmh.json`", COMMAND,
                "| `FaceBenchmark.pipeline` | flip=false | 1 | median ms | 13 | 16 | 20 |");
        assertThat(md).doesNotContain("{{", "busy with other work");
    }

    @Test
    void everyFigureNamesTheMachineAndDateAndWarnsThatAbsoluteNumbersVary() throws Exception {
        Map<String, Figure> figures = generate().figures();

        assertThat(figures).containsOnlyKeys("kiosk-scaling.svg", "identification-latency.svg",
                "borderid-vs-sourceafis.svg");
        for (Figure f : figures.values()) {
            String svg = FigureWriter.svg(f);
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            String subtitle = f.subtitle();
            assertThat(subtitle).contains("2 cores", "24.0 GiB", "25.0.3", "2026-11-26 10:00 UTC",
                    "Absolute numbers vary from run to run");
        }
    }

    @Test
    void sameInputsGiveTheSameBytes() throws Exception {
        PerformanceReport a = generate();
        PerformanceReport b = generate();

        assertThat(b.markdown()).isEqualTo(a.markdown());
        for (String name : a.figures().keySet()) {
            assertThat(FigureWriter.svg(b.figures().get(name))).isEqualTo(FigureWriter.svg(a.figures().get(name)));
        }
    }

    @Test
    void aBusyMachineIsFlaggedInTheReport() throws Exception {
        Path jmh = dir.resolve("jmh.json");
        ReportFixtures.writeJmh(jmh);
        MachineRecord m = ReportFixtures.machine();
        MachineRecord busy = new MachineRecord(m.cpu(), m.cores(), m.memoryBytes(), m.os(), m.jdk(), m.commit(),
                m.command(), m.start(), m.end(), 14.5, 16.2);
        ReportInputs in = new ReportInputs(JmhResults.read(jmh), "jmh.json", busy, null, null, null, null,
                Assumptions.DEFAULT);

        String md = PerformanceReport.generate(in, "p/", "svg", COMMAND).markdown();

        assertThat(md).contains("**The machine was busy with other work**", "| subjects per node | n/a |");
    }

    @Test
    void throughputPeakingBelowTheCoreCountIsExplainedNextToTheEstimate() throws Exception {
        Path jmh = dir.resolve("jmh.json");
        // one kiosk 10 tx/s, two kiosks 8 tx/s: the second core was busy with other work
        new JmhJson()
                .sample("kiosk.KioskTransactionBenchmark.oneKiosk", 1, Map.of(), 100, 2, 95, 120, 150, 200, Map.of())
                .sample("kiosk.KioskTransactionBenchmark.twoKiosks", 2, Map.of(), 250, 5, 240, 300, 350, 200,
                        Map.of())
                .write(jmh);
        ReportInputs in = new ReportInputs(JmhResults.read(jmh), "jmh.json", ReportFixtures.machine(), null, null,
                null, null, Assumptions.DEFAULT);

        String md = PerformanceReport.generate(in, "p/", "svg", COMMAND).markdown();

        assertThat(md).contains("| transactions/s per node, saturated | 10 |",
                "Throughput peaked at 1 concurrent kiosk on this 2-core machine");
        assertThat(PerformanceReport.generate(ReportFixtures.inputs(writeFixture()), "p/", "svg", COMMAND).markdown())
                .doesNotContain("Throughput peaked");
    }

    private Path writeFixture() throws Exception {
        Path jmh = dir.resolve("fixture.json");
        ReportFixtures.writeJmh(jmh);
        return jmh;
    }

    @Test
    void withoutAFootprintFileTheRunsOwnFootprintBenchmarkIsUsed() throws Exception {
        Path jmh = dir.resolve("jmh.json");
        // 20,000 heap bytes and 90,000 disk bytes per subject between 10k and 30k subjects (face + 10 fingers)
        new JmhJson()
                .sample("kiosk.KioskTransactionBenchmark.oneKiosk", 1, Map.of(), 100, 2, 95, 120, 150, 200, Map.of())
                .singleShot("gallery.GalleryFootprintBenchmark.openSearchAndMeasure", Map.of("footprintSize", "10000"),
                        900, Map.of("runs", 1.0, "subjects", 10_000.0, "faces", 10_000.0, "fingers", 100_000.0,
                                "heapBytes", 300_000_000.0, "diskBytes", 1_000_000_000.0, "templateCacheBytes", 0.0))
                .singleShot("gallery.GalleryFootprintBenchmark.openSearchAndMeasure", Map.of("footprintSize", "30000"),
                        1500, Map.of("runs", 1.0, "subjects", 30_000.0, "faces", 30_000.0, "fingers", 300_000.0,
                                "heapBytes", 700_000_000.0, "diskBytes", 2_800_000_000.0, "templateCacheBytes", 0.0))
                .write(jmh);
        ReportInputs in = new ReportInputs(JmhResults.read(jmh), "jmh.json", ReportFixtures.machine(), null, null,
                null, null, Assumptions.DEFAULT);

        String md = PerformanceReport.generate(in, "p/", "svg", COMMAND).markdown();

        assertThat(md).contains("| heap per subject (1 face + 10 fingers) | 19.5 KiB | measured up to 30,000 subjects |",
                "| disk per subject | 87.9 KiB |",
                // (24 GiB - 4 GiB) / 110,000 bytes
                "| subjects per node, index in memory | 195,225 |",
                "Gallery footprint: `GalleryFootprintBenchmark`", "(10,000 and 30,000 subjects;");
    }

    @Test
    void missingBenchmarksLeaveTheirSectionsSayingSo() throws Exception {
        Path jmh = dir.resolve("empty.json");
        new JmhJson().write(jmh);
        ReportInputs in = new ReportInputs(JmhResults.read(jmh), "empty.json", null, null, null, null, null,
                Assumptions.DEFAULT);

        PerformanceReport report = PerformanceReport.generate(in, "", "png", COMMAND);

        assertThat(report.figures()).isEmpty();
        assertThat(report.markdown()).contains("_No estimate: the kiosk benchmark", "**Machine:** not recorded",
                "_Not in this run: no sample-time benchmark with a `gallerySize` parameter._",
                "_The result file holds no trials._");
    }
}
