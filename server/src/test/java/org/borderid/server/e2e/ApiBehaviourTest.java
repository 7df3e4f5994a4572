package org.borderid.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderid.server.e2e.TestData.b64;
import static org.borderid.server.e2e.TestData.fvc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderid.server.BorderIdServer;
import org.borderid.server.OpenApiContract;
import org.borderid.server.TestClient;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.audit.AuditVerification;
import org.borderid.server.config.Limits;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.Role;
import org.borderid.server.service.MemorySubjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administration, audit, import, multipart, rate limit and availability behaviour over real HTTP. */
class ApiBehaviourTest {
    @TempDir
    Path data;

    record Running(BorderIdServer server, TestClient client, String kiosk, String admin, String auditor)
            implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    Running start(ServerConfig config) throws Exception {
        ApiKeyStore keys = ApiKeyStore.open(data);
        String kiosk = keys.create(Role.KIOSK, "").secret();
        String admin = keys.create(Role.ADMIN, "").secret();
        String auditor = keys.create(Role.AUDITOR, "").secret();
        BorderIdServer server = BorderIdServer.start(config.withPort(0).withData(data.toString()),
                folder -> new MemorySubjectStore());
        assertThat(server.awaitReady(Duration.ofSeconds(30))).isTrue();
        return new Running(server, new TestClient(server.url()).onResponse(OpenApiContract.get()::check), kiosk,
                admin, auditor);
    }

    static Map<String, Object> fingerSubject(String id, int finger) {
        return Map.of("id", id, "agency", "agency-a", "lists", List.of("watchlist", "vip"), "referenceData",
                Map.of("name", "Subject " + id), "fingers", List.of(Map.of("position", "RIGHT_INDEX", "image",
                        b64(fvc(finger, 1)))));
    }

    @Test
    void enrollmentChangesAreAuditedAndTamperingIsDetected() throws Exception {
        try (Running r = start(ServerConfig.DEFAULT)) {
            assertThat(r.client().postJson("/v1/subjects", r.admin(), fingerSubject("s-1", 101)).status())
                    .isEqualTo(201);
            TestClient.Response got = r.client().get("/v1/subjects/s-1", r.admin());
            assertThat(got.json().path("referenceData").path("name").asText()).isEqualTo("Subject s-1");
            assertThat(got.json().path("fingers").get(0).path("position").asText()).isEqualTo("RIGHT_INDEX");
            assertThat(got.text()).doesNotContain(b64(fvc(101, 1)).substring(0, 40));
            Map<String, Object> replacement = new java.util.HashMap<>(fingerSubject("s-1", 102));
            replacement.put("lists", List.of("watchlist"));
            TestClient.Response put = r.client().putJson("/v1/subjects/s-1", r.admin(), replacement);
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            assertThat(put.json().path("lists")).hasSize(1);
            TestClient.Response hit = r.client().postJson("/v1/identify", r.kiosk(), Map.of("fingers",
                    List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(102, 4))))));
            assertThat(hit.json().path("outcome").asText()).as(hit.toString()).isEqualTo("HIT");
            assertThat(hit.json().path("candidates").get(0).has("referenceData")).isFalse();
            assertThat(hit.json().has("gallerySize")).isFalse();
            TestClient.Response adminView = r.client().postJson("/v1/identify", r.admin(), Map.of("fingers",
                    List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(102, 4))))));
            assertThat(adminView.json().path("candidates").get(0).path("referenceData").path("name").asText())
                    .isEqualTo("Subject s-1");
            assertThat(adminView.json().path("gallerySize").asLong()).isEqualTo(1);
            assertThat(r.client().delete("/v1/subjects/s-1", r.admin()).status()).isEqualTo(204);

            JsonNode audit = r.client().get("/v1/audit", r.auditor()).json();
            List<String> actions = new ArrayList<>();
            audit.path("entries").forEach(e -> actions.add(e.path("action").asText() + ":" + e.path("subject")
                    .asText()));
            assertThat(actions).containsExactly("enroll:s-1", "replace:s-1", "identify-hit:s-1", "identify-hit:s-1",
                    "delete:s-1");
            String adminId = r.admin().substring(5, 17);
            assertThat(audit.path("entries").get(0).path("actor").asText()).isEqualTo(adminId);
            assertThat(audit.path("entries").get(2).path("role").asText()).isEqualTo("kiosk");
            assertThat(audit.toString()).doesNotContain(r.admin()).doesNotContain(r.kiosk());
            assertThat(audit.path("head").path("seq").asLong()).isEqualTo(5);
        }
        assertThat(AuditLog.verify(data).ok()).isTrue();
        Path log = data.resolve("audit/audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        lines.remove(2); // someone hides the identify hit
        Files.write(log, lines);
        AuditVerification v = AuditLog.verify(data);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLine()).isEqualTo(3);
    }

    @Test
    void multipartFormsWorkLikeJson() throws Exception {
        try (Running r = start(ServerConfig.DEFAULT)) {
            Multipart enroll = new Multipart().text("id", "mp-1").text("agency", "a").text("lists", "watchlist,vip")
                    .text("referenceData.name", "Multi Part").file("finger.RIGHT_INDEX", "101_1.tif", fvc(101, 1));
            TestClient.Response created = r.client().send("POST", "/v1/subjects", r.admin(), enroll.contentType(),
                    enroll.bytes(), Map.of());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("lists")).hasSize(2);
            assertThat(created.header("Location")).isEqualTo("/v1/subjects/mp-1");
            Multipart verify = new Multipart().text("subjectId", "mp-1").text("dpi", "500")
                    .file("finger.RIGHT_INDEX", "101_2.tif", fvc(101, 2));
            TestClient.Response v = r.client().send("POST", "/v1/verify", r.kiosk(), verify.contentType(),
                    verify.bytes(), Map.of());
            assertThat(v.status()).as(v.toString()).isEqualTo(200);
            assertThat(v.json().path("decision").asText()).isEqualTo("MATCH");
            Multipart unknownPart = new Multipart().text("subjectId", "mp-1").file("thumb", "x.tif", fvc(101, 2));
            TestClient.Response bad = r.client().send("POST", "/v1/verify", r.kiosk(), unknownPart.contentType(),
                    unknownPart.bytes(), Map.of());
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("thumb");
            Multipart badPosition = new Multipart().text("subjectId", "mp-1").file("finger.PINKY", "x.tif",
                    fvc(101, 2));
            assertThat(r.client().send("POST", "/v1/verify", r.kiosk(), badPosition.contentType(),
                    badPosition.bytes(), Map.of()).status()).isEqualTo(400);
        }
    }

    @Test
    void ndjsonImportReportsProgressAndPerLineProblems() throws Exception {
        try (Running r = start(ServerConfig.DEFAULT)) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            String body = json.writeValueAsString(fingerSubject("imp-1", 101)) + "\n"
                    + "{not json\n"
                    + "\n"
                    + json.writeValueAsString(fingerSubject("imp-2", 102)) + "\n"
                    + json.writeValueAsString(Map.of("id", "imp-3", "agency", "a", "fingers", List.of(Map.of(
                            "position", "RIGHT_INDEX", "image", b64("junk".getBytes()))))) + "\n"
                    + json.writeValueAsString(fingerSubject("imp-1", 103)) + "\n";
            TestClient.Response accepted = r.client().send("POST", "/v1/subjects/import", r.admin(),
                    "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            String job = accepted.json().path("id").asText();
            JsonNode status = null;
            for (int i = 0; i < 300; i++) {
                status = r.client().get("/v1/jobs/" + job, r.admin()).json();
                if (status.path("status").asText().equals("DONE")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("DONE");
            assertThat(status.path("lines").asLong()).isEqualTo(5);
            assertThat(status.path("enrolled").asLong()).isEqualTo(2);
            assertThat(status.path("failed").asLong()).isEqualTo(3);
            assertThat(status.path("progress").asDouble()).isEqualTo(1.0);
            List<String> failures = new ArrayList<>();
            status.path("errors").forEach(e -> failures.add(e.path("line").asInt() + ":" + e.path("status").asInt()));
            assertThat(failures).containsExactly("2:400", "5:422", "6:409");
            assertThat(r.client().get("/v1/subjects/imp-2", r.admin()).status()).isEqualTo(200);
            JsonNode audit = r.client().get("/v1/audit", r.auditor()).json();
            assertThat(audit.path("entries").get(0).path("action").asText()).isEqualTo("import-start");
            assertThat(audit.path("entries").get(audit.path("entries").size() - 1).path("action").asText())
                    .isEqualTo("import-end");
        }
    }

    @Test
    void listingPagesByIdAndFilters() throws Exception {
        try (Running r = start(ServerConfig.DEFAULT)) {
            for (int i = 1; i <= 3; i++) {
                Map<String, Object> s = new java.util.HashMap<>(fingerSubject("p-" + i, 100 + i));
                s.put("lists", List.of(i == 2 ? "other" : "watchlist"));
                assertThat(r.client().postJson("/v1/subjects", r.admin(), s).status()).isEqualTo(201);
            }
            JsonNode first = r.client().get("/v1/subjects?limit=2", r.admin()).json();
            assertThat(first.path("subjects")).hasSize(2);
            assertThat(first.path("next").asText()).isEqualTo("p-2");
            JsonNode second = r.client().get("/v1/subjects?limit=2&after=p-2", r.admin()).json();
            assertThat(second.path("subjects")).hasSize(1);
            assertThat(second.has("next")).isFalse();
            JsonNode filtered = r.client().get("/v1/subjects?list=other", r.admin()).json();
            assertThat(filtered.path("subjects")).hasSize(1);
            assertThat(filtered.path("subjects").get(0).path("id").asText()).isEqualTo("p-2");
        }
    }

    @Test
    void keyOverItsRateGets429WithRetryAfter() throws Exception {
        Limits strict = new Limits(Limits.DEFAULT.maxBodyBytes(), Limits.DEFAULT.maxImportBytes(), 8192, 40_000_000,
                10, 0.5, 2, 0, 32, 10_000, 30_000, 1000);
        try (Running r = start(ServerConfig.DEFAULT.withLimits(strict))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestClient.Response resp = r.client().get("/v1/subjects", r.admin());
                statuses.add(resp.status());
                if (resp.status() == 429) {
                    assertThat(Integer.parseInt(resp.header("Retry-After"))).isPositive();
                }
            }
            assertThat(statuses).startsWith(200, 200).contains(429);
            assertThat(r.client().get("/v1/audit", r.auditor()).status()).as("other keys unaffected").isEqualTo(200);
        }
    }

    @Test
    void overloadIsAnswered503QuicklyInsteadOfQueueing() throws Exception {
        Limits tiny = new Limits(Limits.DEFAULT.maxBodyBytes(), Limits.DEFAULT.maxImportBytes(), 8192, 40_000_000,
                10, 1000, 1000, 1, 0, 10_000, 30_000, 1000);
        try (Running r = start(ServerConfig.DEFAULT.withLimits(tiny))) {
            assertThat(r.client().postJson("/v1/subjects", r.admin(), fingerSubject("o-1", 101)).status())
                    .isEqualTo(201);
            Map<String, Object> verify = Map.of("subjectId", "o-1", "fingers", List.of(Map.of("position",
                    "RIGHT_INDEX", "image", b64(fvc(101, 2)))));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<TestClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit((Callable<TestClient.Response>) () -> r.client().postJson("/v1/verify",
                        r.kiosk(), verify)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestClient.Response> f : futures) {
                TestClient.Response resp = f.get();
                statuses.add(resp.status());
                if (resp.status() == 503) {
                    assertThat(resp.json().path("type").asText()).isEqualTo("/problems/overloaded");
                    assertThat(resp.header("Retry-After")).isEqualTo("1");
                }
            }
            pool.shutdown();
            assertThat(statuses).contains(200).contains(503).containsOnly(200, 503);
        }
    }

    @Test
    void unavailableGalleryAndFaceEngineAre503AndNotReady() throws Exception {
        ApiKeyStore keys = ApiKeyStore.open(data);
        String kiosk = keys.create(Role.KIOSK, "").secret();
        try (BorderIdServer server = BorderIdServer.start(ServerConfig.DEFAULT.withPort(0).withData(data.toString()),
                folder -> {
                    throw new IllegalStateException("index locked by another process");
                })) {
            assertThat(server.awaitReady(Duration.ofSeconds(10))).isFalse();
            TestClient client = new TestClient(server.url()).onResponse(OpenApiContract.get()::check);
            TestClient.Response ready = client.get("/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("components").path("gallery").path("state").asText()).isEqualTo("failed");
            assertThat(ready.json().path("components").path("gallery").path("detail").asText())
                    .contains("locked");
            TestClient.Response verify = client.postJson("/v1/verify", kiosk, Map.of("subjectId", "x", "fingers",
                    List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(101, 2))))));
            assertThat(verify.status()).isEqualTo(503);
            assertThat(verify.json().path("type").asText()).isEqualTo("/problems/unavailable");
            TestClient.Response face = client.postJson("/v1/verify", kiosk, Map.of("reference", Map.of("face",
                    b64(new byte[] {1, 2, 3})), "face", b64(new byte[] {1, 2, 3})));
            assertThat(face.status()).isEqualTo(503);
            assertThat(client.get("/health", null).status()).isEqualTo(200);
            assertThat(client.get("/metrics", null).text()).contains("borderid_gallery_subjects");
        }
    }

    /** A minimal multipart/form-data encoder for the tests. */
    static final class Multipart {
        private final String boundary = "----borderid" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart text(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
