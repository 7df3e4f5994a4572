package org.borderid.bench.eval.finger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.plot.FigureWriter;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintEvaluationTest {
    @TempDir
    Path dir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private FingerprintReport run(List<FingerprintSystem> systems, boolean calibrate, FvcDatabase... dbs) {
        return new FingerprintEvaluation(new FingerprintEvaluation.Options(systems, 2, false, calibrate), log::add)
                .run(List.of(dbs));
    }

    private FvcDatabase db(String name, int fingers, int impressions) throws IOException {
        return FvcDatabase.scan(FakeDatabases.create(dir, name, fingers, impressions), 500);
    }

    private static SystemResult.Measured measured(DatabaseResult db, String system) {
        return (SystemResult.Measured) db.result(system).orElseThrow();
    }

    @Test
    void scoresEveryFvcPairOnceAndSeparatesGenuineFromImpostor() throws IOException {
        FingerprintReport report = run(List.of(FakeSystem.perfect("fake")), false, db("DB1", 4, 3));

        DatabaseResult db = report.databases().get(0);
        assertThat(db.genuinePairs()).isEqualTo(12); // C(3,2) x 4
        assertThat(db.impostorPairs()).isEqualTo(54); // 12 x 9 / 2
        SystemResult.Measured m = measured(db, "fake");
        assertThat(m.rates().genuineCount()).isEqualTo(12);
        assertThat(m.rates().impostorCount()).isEqualTo(54);
        assertThat(Arrays.stream(m.rates().genuineScores()).min().orElseThrow()).isGreaterThanOrEqualTo(11);
        assertThat(Arrays.stream(m.rates().impostorScores()).max().orElseThrow()).isLessThanOrEqualTo(2);
        assertThat(m.figures().eer()).isZero();
        assertThat(m.figures().zeroFmr()).isZero();
        assertThat(m.figures().fte()).isZero();
        assertThat(m.figures().extractMsMedian()).isNaN(); // timing off
        assertThat(report.mean("fake")).contains(m.figures());
    }

    @Test
    void refusedAndCrashingExtractionsCountTowardFteAndTheirPairsAreNonMatches() throws IOException {
        FakeSystem system = new FakeSystem("flaky", c -> c.finger() == 0 && c.impression() == 0,
                c -> c.finger() == 1 && c.impression() == 0, (a, b) -> a.finger() == b.finger() ? 10 : 0);

        SystemResult.Measured m = measured(run(List.of(system), false, db("DB1", 4, 3)).databases().get(0), "flaky");

        assertThat(m.failedExtractions()).isEqualTo(2);
        assertThat(m.extractionErrors()).isEqualTo(1);
        assertThat(m.figures().fte()).isCloseTo(2.0 / 12, within(1e-12));
        // Each failed image takes part in 2 genuine pairs: 4 genuine pairs fail at every threshold.
        assertThat(Arrays.stream(m.rates().genuineScores()).filter(s -> s == Double.NEGATIVE_INFINITY).count())
                .isEqualTo(4);
        assertThat(m.figures().zeroFmr()).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(log).anyMatch(l -> l.contains("flaky") && l.contains("102_1.png") && l.contains("fake crash"));
    }

    @Test
    void undecodableImagesFailForEverySystem() throws IOException {
        Path folder = FakeDatabases.create(dir, "DB1", 3, 2);
        Files.write(folder.resolve("104_1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5});

        FingerprintReport report = run(List.of(FakeSystem.perfect("a"), FakeSystem.perfect("b")), false,
                FvcDatabase.scan(folder, 500));

        DatabaseResult db = report.databases().get(0);
        assertThat(db.decodeFailures()).isEqualTo(1);
        assertThat(measured(db, "a").failedExtractions()).isEqualTo(1);
        assertThat(measured(db, "b").figures().fte()).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(log).anyMatch(l -> l.contains("cannot decode 104_1.png"));
    }

    @Test
    void anUnimplementedSystemIsReportedUnavailableAndTheOthersStillRun() throws IOException {
        FingerprintReport report = run(List.of(FakeSystem.unimplemented("stub"), FakeSystem.perfect("peer")), false,
                db("DB1", 3, 2), db("DB2", 3, 2));

        for (DatabaseResult db : report.databases()) {
            assertThat(db.result("stub").orElseThrow()).isInstanceOfSatisfying(SystemResult.Unavailable.class,
                    u -> assertThat(u.reason()).contains("being implemented"));
            assertThat(db.result("peer").orElseThrow()).isInstanceOf(SystemResult.Measured.class);
        }
        assertThat(report.mean("stub")).isEmpty();
        assertThat(report.mean("peer")).isPresent();
        assertThat(log.stream().filter(l -> l.contains("stub: unavailable"))).hasSize(1); // not retried
    }

    @Test
    void calibrationPoolsWithinAndCrossDatabaseImpostorsOfComparedPairs() throws IOException {
        FakeSystem system = new FakeSystem("fake", c -> c.finger() == 0 && c.impression() == 0, c -> false,
                (a, b) -> a.finger() == b.finger() && a.db() == b.db() ? 100 : a.impression() + b.impression());

        FingerprintReport report = run(List.of(system), true, db("DB1", 4, 3), db("DB2", 3, 2));

        Calibration c = report.calibrations().get(0);
        // Image 101_1 is refused in both databases. DB1 keeps 11 templates over fingers of 2, 3, 3, 3 impressions:
        // C(11,2) - (1 + 3 + 3 + 3) = 45 impostor pairs; DB2 keeps 5 over fingers of 1, 2, 2: C(5,2) - 2 = 8.
        assertThat(c.withinDatabasePairs()).isEqualTo(45 + 8);
        assertThat(c.crossDatabasePairs()).isEqualTo(11 * 5);
        assertThat(c.thresholds()).hasSize(3);
        assertThat(c.thresholds().get(0).targetFmr()).isEqualTo(1e-2);
        assertThat(c.thresholds()).allSatisfy(t -> assertThat(t.impostors()).isEqualTo(45 + 8 + 55));
    }

    @Test
    void jsonHasTheDocumentedShapeWithNullsForUnavailableSystems() throws IOException {
        FingerprintReport report = run(List.of(FakeSystem.unimplemented("borderid"), FakeSystem.perfect("peer")),
                false, db("DB1", 3, 2));

        JsonNode root = new ObjectMapper().readTree(ReportJson.write(report));

        JsonNode db = root.get(ReportJson.DATABASES).get(0);
        assertThat(db.get(ReportJson.NAME).asText()).endsWith("/DB1");
        assertThat(db.get("genuine_pairs").asInt()).isEqualTo(3);
        assertThat(db.get("impostor_pairs").asInt()).isEqualTo(12);
        for (String key : List.of(ReportJson.EER, ReportJson.FNMR_AT_FMR_1E2, ReportJson.FNMR_AT_MIN_FMR,
                ReportJson.ZERO_FMR, ReportJson.FTE, ReportJson.EXTRACT_MS_MEDIAN, ReportJson.COMPARISONS_PER_S)) {
            assertThat(db.get("borderid").get(key).isNull()).as(key).isTrue();
            assertThat(db.get("peer").has(key)).as(key).isTrue();
            assertThat(root.get(ReportJson.MEAN).get("peer").has(key)).as(key).isTrue();
        }
        assertThat(db.get("borderid").get(ReportJson.AVAILABLE).asBoolean()).isFalse();
        assertThat(db.get("peer").get(ReportJson.EER).asDouble()).isZero();
        assertThat(root.get(ReportJson.MEAN).get("borderid").get(ReportJson.AVAILABLE).asBoolean()).isFalse();
        assertThat(root.get("run").get("threads").asInt()).isEqualTo(2);
    }

    @Test
    void aDatabaseWithoutGenuinePairsGivesUndefinedFiguresNotACrash() throws IOException {
        FingerprintReport report = run(List.of(FakeSystem.perfect("fake")), false, db("DB1", 3, 1));

        SystemResult.Measured m = measured(report.databases().get(0), "fake");
        assertThat(report.databases().get(0).genuinePairs()).isZero();
        assertThat(m.figures().eer()).isNaN();
        assertThat(m.figures().zeroFmr()).isNaN();
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(report));
        assertThat(json.get(ReportJson.DATABASES).get(0).get("fake").get(ReportJson.EER).isNull()).isTrue();
        assertThat(FigureWriter.svg(DetFigure.of(report))).contains("<svg");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(SpeedMeter.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(SpeedMeter.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
        assertThat(SpeedMeter.median(new double[0])).isNaN();
    }
}
