package org.borderid.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One consistent set of report inputs with figures a test can check by hand. */
final class ReportFixtures {
    private ReportFixtures() {}

    /**
     * Kiosk: 1 thread at 100 ms mean (10 tx/s), 2 at 110 ms (18.2 tx/s), 4 at 230 ms (17.4 tx/s). Fingerprint 1:N at
     * 10k/100k/1M with 10,000 candidates per search. BorderID 5× faster at prepared 1:1, 2× at extraction. One face
     * trial.
     */
    static void writeJmh(Path file) throws IOException {
        new JmhJson()
                .sample("kiosk.KioskTransactionBenchmark.oneKiosk", 1, Map.of(), 100, 2, 95, 120, 150, 200, Map.of())
                .sample("kiosk.KioskTransactionBenchmark.twoKiosks", 2, Map.of(), 110, 3, 105, 130, 170, 400,
                        Map.of())
                .sample("kiosk.KioskTransactionBenchmark.fourKiosks", 4, Map.of(), 230, 5, 220, 260, 300, 400,
                        Map.of())
                .sample("gallery.FingerprintIdentificationBenchmark.identify", 1, Map.of("gallerySize", "10000"),
                        2.5, 0.1, 2, 3, 4, 1000, Map.of("searches", 100.0, "candidates", 1_000_000.0))
                .sample("gallery.FingerprintIdentificationBenchmark.identify", 1, Map.of("gallerySize", "100000"),
                        11, 0.5, 10, 14, 20, 1000, Map.of("searches", 100.0, "candidates", 1_000_000.0))
                .sample("gallery.FingerprintIdentificationBenchmark.identify", 1, Map.of("gallerySize", "1000000"),
                        90, 3, 80, 110, 150, 1000, Map.of("searches", 100.0, "candidates", 1_000_000.0))
                .throughput("finger.FingerprintComparisonBenchmark.preparedProbe",
                        Map.of("system", "borderid", "database", "fvc2002/DB1_B"), 20_000, 500, Map.of())
                .throughput("finger.FingerprintComparisonBenchmark.preparedProbe",
                        Map.of("system", "sourceafis", "database", "fvc2002/DB1_B"), 4_000, 100, Map.of())
                .sample("finger.FingerprintExtractionBenchmark.extract", 1, Map.of("system", "borderid"), 35, 2, 30,
                        50, 70, 500, Map.of())
                .sample("finger.FingerprintExtractionBenchmark.extract", 1, Map.of("system", "sourceafis"), 65, 3,
                        60, 80, 90, 500, Map.of())
                .throughput("finger.TemplateCodecBenchmark.encode", Map.of("system", "borderid"), 1_000_000, 1000,
                        Map.of("bytes", 250_000_000.0))
                .throughput("finger.TemplateCodecBenchmark.encode", Map.of("system", "sourceafis"), 40_000, 100,
                        Map.of("bytes", 17_200_000.0))
                .sample("face.FaceBenchmark.pipeline", 1, Map.of("flip", "false"), 14, 1, 13, 16, 20, 300, Map.of())
                .write(file);
    }

    static MachineRecord machine() {
        return new MachineRecord("Test CPU @ 3.0GHz", 2, 24L << 30, "Linux 6.18 amd64", "Eclipse Adoptium 25.0.3",
                "abc123def456", List.of("-rf", "json", "-rff", "docs/performance/jmh.json"), "2026-11-26T10:00:00Z",
                "2026-11-26T11:30:00Z", 0.9, 1.8);
    }

    static LoadRun load() {
        return new LoadRun("verify-face-finger", "http://127.0.0.1:40000", 30, 2, List.of(
                new LoadRun.Step(1, 240, 0, 8, 120, 150, 170, 200, 125),
                new LoadRun.Step(2, 420, 0, 14, 140, 180, 210, 260, 143)));
    }

    /** 10,000 heap bytes and 5,000 disk bytes per subject (slope between 10k and 100k subjects). */
    static GalleryFootprint gallery() {
        return new GalleryFootprint("test", List.of(
                new GalleryFootprint.Entry(100_000, 1, 10, 1_000_000_000L, 500_000_000L),
                new GalleryFootprint.Entry(10_000, 1, 10, 100_000_000L, 50_000_000L)));
    }

    static ReportInputs inputs(Path jmh) {
        return new ReportInputs(JmhResults.read(jmh), "docs/performance/jmh.json", machine(), load(),
                "docs/performance/load.json", gallery(), "docs/performance/gallery.json", Assumptions.DEFAULT);
    }
}
