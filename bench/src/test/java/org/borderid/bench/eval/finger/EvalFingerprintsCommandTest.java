package org.borderid.bench.eval.finger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.borderid.bench.cli.BenchMain;
import org.borderid.cli.CommandLine;
import org.borderid.cli.UsageException;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcDatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFingerprintsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(BenchMain.commands()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsBothSystemsAndWritesEveryRequestedOutput() throws Exception {
        Path db = FakeDatabases.create(dir.resolve("set"), "DB1_B", 3, 2);
        Path json = dir.resolve("out/fp.json");
        Path svg = dir.resolve("out/det.svg");
        Path md = dir.resolve("out/table.md");

        int code = run("eval", "fingerprints", db + ":569", "--no-timing", "--threads", "2", "--json", json.toString(),
                "--plot", svg.toString(), "--markdown", md.toString());

        assertThat(code).as(err.toString()).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("set/DB1_B", "sourceafis", "borderid", "mean");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("databases").get(0).get("dpi").asDouble()).isEqualTo(569);
        assertThat(root.get("databases").get(0).get("sourceafis").get("available").asBoolean()).isTrue();
        assertThat(Files.readString(svg)).contains("<svg", "sourceafis");
        assertThat(Files.readString(md)).contains("| set/DB1_B | borderid | ", "| set/DB1_B | sourceafis | ");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsExpected() {
        assertThat(run("eval", "fingerprints")).isEqualTo(2);
        assertThat(err.toString()).contains("no database folder");
        assertThat(run("eval", "fingerprints", "x", "--threads", "zero")).isEqualTo(2);
        assertThat(run("eval", "fingerprints", "x", "--plot", "det.pdf")).isEqualTo(2);
        assertThat(run("eval", "fingerprints", "x", "--systems", "borderid,nist")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown fingerprint system 'nist'");
        assertThat(run("eval", "fingerprints", "x", "--frobnicate")).isEqualTo(2);
        assertThat(run("eval", "fingerprints", "x", "--json")).isEqualTo(2);
        assertThat(run("eval", "faces-that-do-not-exist")).isEqualTo(2);
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("eval", "fingerprints", "--help")).isZero();
        assertThat(out.toString()).contains("--systems", "--calibrate", ":dpi");
    }

    @Test
    void missingDatabaseIsATypedErrorWithExitCodeOne() {
        assertThat(run("eval", "fingerprints", dir.resolve("nowhere").toString(), "--no-timing")).isEqualTo(1);
        assertThat(err.toString()).contains("not a directory");
    }

    @Test
    void databaseSpecTakesAnOptionalResolutionSuffix() throws Exception {
        Path db = FakeDatabases.create(dir.resolve("fvc"), "DB2_B", 1, 1);

        FvcDatabase at569 = EvalFingerprintsCommand.openDatabase(db + ":569");
        FvcDatabase plain = EvalFingerprintsCommand.openDatabase(db.toString());

        assertThat(at569.dpi()).isEqualTo(569);
        assertThat(at569.name()).isEqualTo("fvc/DB2_B");
        assertThat(plain.dpi()).isEqualTo(FvcDatabase.DEFAULT_DPI);
        assertThatThrownBy(() -> EvalFingerprintsCommand.openDatabase(db + ":50"))
                .isInstanceOf(UsageException.class).hasMessageContaining("200..2000");
        assertThatThrownBy(() -> EvalFingerprintsCommand.openDatabase(db + ":abc"))
                .isInstanceOf(FvcDatasetException.class);
    }

    @Test
    void theSameDatabaseTwiceIsAUsageError() throws Exception {
        Path db = FakeDatabases.create(dir.resolve("fvc"), "DB1_B", 1, 2);
        assertThat(run("eval", "fingerprints", db.toString(), db + ":500", "--no-timing")).isEqualTo(2);
        assertThat(err.toString()).contains("given twice");
        assertThat(List.of(out.toString())).isNotEmpty();
    }
}
