package org.borderid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.borderid.cli.CommandLine;
import org.borderid.server.audit.AuditAction;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.Principal;
import org.borderid.server.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    @TempDir
    Path data;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(Main.commands()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheServerCommands() {
        Run r = run("help");
        assertThat(r.out()).contains("serve").contains("keys").contains("audit").contains("dev-cert");
    }

    @Test
    void keysCreatePrintsTheKeyOnceAndListShowsItsIdOnly() {
        Run created = run("keys", "create", "--role", "kiosk", "--label", "gate 1", "--data", data.toString());
        assertThat(created.exit()).isZero();
        String key = created.out().trim();
        assertThat(ApiKeyStore.open(data).authenticate(key)).map(Principal::role).contains(Role.KIOSK);
        Run list = run("keys", "list", "--data", data.toString());
        assertThat(list.out()).contains("kiosk").contains("gate 1").doesNotContain(key);
        String id = key.substring(5, 17);
        assertThat(run("keys", "revoke", id, "--data", data.toString()).exit()).isZero();
        assertThat(ApiKeyStore.open(data).authenticate(key)).isEmpty();
        assertThat(run("keys", "revoke", id, "--data", data.toString()).exit()).isEqualTo(1);
    }

    @Test
    void keysCreateWithoutRoleIsAUsageError() {
        assertThat(run("keys", "create", "--data", data.toString()).exit()).isEqualTo(2);
        assertThat(run("keys", "create", "--role", "janitor", "--data", data.toString()).exit()).isEqualTo(2);
    }

    @Test
    void auditVerifyExitsNonZeroNamingTheFirstBadLine() throws Exception {
        try (AuditLog audit = AuditLog.open(data)) {
            for (int i = 0; i < 5; i++) {
                audit.append(new Principal("abcdefghijkl", Role.ADMIN), AuditAction.ENROLL, "s" + i, "ok", "");
            }
        }
        Run ok = run("audit", "verify", "--data", data.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("OK, 5 entries");
        Path log = data.resolve("audit/audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        lines.set(1, lines.get(1).replace("\"s1\"", "\"s9\""));
        Files.write(log, lines);
        Run bad = run("audit", "verify", "--data", data.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("FAILED at line 2");
    }

    @Test
    void devCertWritesPemFiles() {
        Run r = run("dev-cert", "--out", data.toString(), "--hosts", "localhost", "--days", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(data.resolve("cert.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(data.resolve("key.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void serveFlagsOverrideTheConfiguration() {
        var c = ServeCommand.configure(List.of("--port", "0", "--data", data.toString(), "--host", "0.0.0.0"));
        assertThat(c.port()).isZero();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.demo()).isFalse();
        var demo = ServeCommand.configure(List.of("--demo", "--shared", data.toString()));
        assertThat(demo.demo()).isTrue();
        assertThat(demo.policy().faceQuality()).isEqualTo("recognition");
        assertThat(demo.data()).isEqualTo(ServeCommand.DEMO_DATA);
        assertThat(demo.face().detector()).endsWith("face_detection_yunet_2023mar.onnx");
        assertThat(run("serve", "--tls-cert", "x.pem").exit()).isEqualTo(2);
        assertThat(run("serve", "--bogus").exit()).isEqualTo(2);
    }
}
