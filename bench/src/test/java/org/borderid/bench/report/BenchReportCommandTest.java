package org.borderid.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.borderid.bench.cli.BenchMain;
import org.borderid.cli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench-report";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CommandLine(BenchMain.commands()).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDocumentAndItsFiguresUsingTheMachineRecordBesideTheResults() throws Exception {
        Path jmh = dir.resolve("docs/performance/jmh.json");
        Files.createDirectories(jmh.getParent());
        ReportFixtures.writeJmh(jmh);
        ReportFixtures.machine().write(MachineRecord.sidecar(jmh));
        Path load = dir.resolve("docs/performance/load.json");
        Files.writeString(load, """
                {"scenario": "verify-face-finger", "url": "http://127.0.0.1:1", "durationSeconds": 30, "cores": 2,
                 "steps": [{"clients": 1, "requests": 300, "errors": 0, "throughput": 10.0, "p50Ms": 98.0,
                            "p95Ms": 120.0, "p99Ms": 130.0, "maxMs": 150.0, "meanMs": 100.0,
                            "statuses": {"200": 300}, "outcomes": {"MATCH": 300}}]}""");
        Path gallery = dir.resolve("docs/performance/gallery.json");
        ReportFixtures.gallery().write(gallery);
        Path doc = dir.resolve("docs/performance.md");

        int code = run("--jmh", jmh.toString(), "--load", load.toString(), "--gallery", gallery.toString(), "--out",
                doc.toString(), "--plots", jmh.getParent().toString(), "--kiosk-seconds", "20");

        assertThat(code).as(err()).isZero();
        String md = Files.readString(doc);
        assertThat(md).contains("Test CPU @ 3.0GHz", "![Throughput and latency vs concurrent kiosks]"
                + "(performance/kiosk-scaling.svg)", "| 1 | 300 | 0 | 10 | 98 | 120 | 130 | 150 |",
                "--kiosk-seconds 20", "at most every 20 s");
        assertThat(jmh.getParent().resolve("kiosk-scaling.svg")).isNotEmptyFile();
        assertThat(jmh.getParent().resolve("identification-latency.svg")).isNotEmptyFile();
        assertThat(jmh.getParent().resolve("borderid-vs-sourceafis.svg")).isNotEmptyFile();
    }

    @Test
    void aSuiteMeasuredInTwoRunsIsReportedAsOneWithEachRunsMachineAndDate() throws Exception {
        Path main = dir.resolve("docs/performance/jmh.json");
        Files.createDirectories(main.getParent());
        ReportFixtures.writeJmh(main);
        ReportFixtures.machine().write(MachineRecord.sidecar(main));
        Path searches = dir.resolve("docs/performance/jmh-search.json");
        new JmhJson().sample("gallery.FaceSearchBenchmark.identify", 1, Map.of("gallerySize", "10000"), 0.5, 0.01,
                0.4, 0.6, 0.9, 1000, Map.of()).write(searches);
        MachineRecord m = ReportFixtures.machine();
        new MachineRecord(m.cpu(), m.cores(), m.memoryBytes(), m.os(), m.jdk(), m.commit(), m.command(),
                "2026-11-26T12:00:00Z", "2026-11-26T12:20:00Z", 1.0, 1.5).write(MachineRecord.sidecar(searches));
        Path doc = dir.resolve("docs/performance.md");

        int code = run("--jmh", main.toString(), "--jmh", searches.toString(), "--out", doc.toString(), "--plots",
                main.getParent().toString());

        assertThat(code).as(err()).isZero();
        String md = Files.readString(doc);
        assertThat(md).contains("measured in 2 runs", "jmh-search.json`, 1 trials", "2026-11-26 12:00 UTC",
                "FaceSearchBenchmark", "--jmh " + slashes(main) + " --jmh " + slashes(searches));
        assertThat(Files.readString(main.getParent().resolve("identification-latency.svg")))
                .contains("10:00 UTC and 2026-11-26 12:00 UTC");
        assertThat(run("--jmh", main.toString(), "--jmh", searches.toString(), "--machine",
                MachineRecord.sidecar(main).toString())).isEqualTo(2);
        assertThat(err()).contains("--machine goes with a single --jmh");
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    @Test
    void usageErrorsExitWithTwoAndBadInputsWithOneNamingTheFile() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--jmh FILE is required");
        assertThat(run("--jmh", "x.json", "--colour", "red")).isEqualTo(2);
        assertThat(run("--jmh", "x.json", "--format", "gif")).isEqualTo(2);
        assertThat(run("--jmh", "x.json", "--utilisation", "1.5")).isEqualTo(2);
        assertThat(err()).contains("utilisation out of range");

        Path broken = Files.writeString(dir.resolve("broken.json"), "[{]");
        assertThat(run("--jmh", broken.toString(), "--out", dir.resolve("p.md").toString())).isEqualTo(1);
        assertThat(err()).contains("broken.json").contains("not JSON");
        assertThat(dir.resolve("p.md")).doesNotExist();
    }

    @Test
    void plotLinksAreRelativeToTheDocument() {
        assertThat(BenchReportCommand.link(Path.of("docs/performance.md"), Path.of("docs/performance")))
                .isEqualTo("performance/");
        assertThat(BenchReportCommand.link(Path.of("out/report.md"), Path.of("out"))).isEmpty();
        assertThat(BenchReportCommand.link(Path.of("a/b/r.md"), Path.of("a/plots"))).isEqualTo("../plots/");
    }
}
