package org.borderid.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderid.server.e2e.TestData.b64;
import static org.borderid.server.e2e.TestData.fvc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.borderid.server.BorderIdServer;
import org.borderid.server.OpenApiContract;
import org.borderid.server.TestClient;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.Role;
import org.borderid.server.service.MemorySubjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input matrix over real HTTP: each case gets its documented 4xx problem+json, and nothing in the gallery or
 * the audit log changes.
 */
class BadInputTest {
    @TempDir
    static Path data;
    static BorderIdServer server;
    static TestClient client;
    static String kiosk;
    static String admin;
    static String auditor;
    static String fingerB64;
    long subjectsBefore;
    long auditBefore;

    @BeforeAll
    static void start() throws Exception {
        ApiKeyStore keys = ApiKeyStore.open(data);
        kiosk = keys.create(Role.KIOSK, "").secret();
        admin = keys.create(Role.ADMIN, "").secret();
        auditor = keys.create(Role.AUDITOR, "").secret();
        server = BorderIdServer.start(ServerConfig.DEFAULT.withPort(0).withData(data.toString()),
                folder -> new MemorySubjectStore());
        assertThat(server.awaitReady(Duration.ofSeconds(30))).isTrue();
        client = new TestClient(server.url()).onResponse(OpenApiContract.get()::check);
        fingerB64 = b64(fvc(101, 1));
        TestClient.Response r = client.postJson("/v1/subjects", admin, Map.of("id", "known", "agency", "test",
                "fingers", List.of(Map.of("position", "RIGHT_INDEX", "image", fingerB64))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void snapshot() {
        subjectsBefore = subjectCount();
        auditBefore = auditHead();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(subjectCount()).as("subjects in the gallery").isEqualTo(subjectsBefore);
        assertThat(auditHead()).as("audit entries").isEqualTo(auditBefore);
    }

    static long subjectCount() {
        return client.get("/v1/subjects?limit=1000", admin).json().path("subjects").size();
    }

    static long auditHead() {
        return client.get("/v1/audit?limit=1", auditor).json().path("head").path("seq").asLong();
    }

    static JsonNode problem(TestClient.Response r, int status, String type) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).as(r.toString()).isEqualTo("/problems/" + type);
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        return r.json();
    }

    static void fieldError(JsonNode problem, String field, String reason) {
        assertThat(problem.path("errors")).as(problem.toString()).anySatisfy(e -> {
            assertThat(e.path("field").asText()).isEqualTo(field);
            assertThat(e.path("reason").asText()).isEqualTo(reason);
        });
    }

    TestClient.Response enrollRaw(String body) {
        return client.send("POST", "/v1/subjects", admin, "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    @Test
    void malformedJsonIs400() {
        problem(enrollRaw("{\"id\": \"x\", "), 400, "malformed-json");
        problem(client.send("POST", "/v1/verify", kiosk, "application/json", "not json".getBytes(), Map.of()),
                400, "malformed-json");
    }

    @Test
    void wrongTypesAre400WithTheField() {
        fieldError(problem(enrollRaw("{\"id\": 42, \"agency\": \"a\", \"face\": \"AAAA\"}"), 400, "invalid-request"),
                "id", "WRONG_TYPE");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                Map.of("position", "RIGHT_INDEX"))), 400, "invalid-request"), "fingers", "WRONG_TYPE");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "targetFmr", "0.001",
                "fingers", List.of(Map.of("image", fingerB64)))), 400, "invalid-request"), "targetFmr",
                "WRONG_TYPE");
        fieldError(problem(client.postJson("/v1/identify", kiosk, Map.of("fingers", List.of(Map.of("position",
                "RIGHT_PINKY", "image", fingerB64)))), 400, "invalid-request"), "fingers[0].position", "WRONG_TYPE");
    }

    @Test
    void missingFieldsAre400() {
        JsonNode p = problem(enrollRaw("{\"fingers\": []}"), 400, "invalid-request");
        fieldError(p, "id", "REQUIRED");
        fieldError(p, "agency", "REQUIRED");
        fieldError(p, "face", "REQUIRED");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("fingers", List.of(Map.of("image",
                fingerB64)))), 400, "invalid-request"), "subjectId", "REQUIRED");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known")), 400,
                "invalid-request"), "face", "REQUIRED");
        problem(enrollRaw(""), 400, "invalid-request");
        problem(enrollRaw("null"), 400, "invalid-request");
    }

    @Test
    void unknownFieldsAre400() {
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("image", fingerB64)), "colour", "blue")), 400, "invalid-request"), "colour",
                "UNKNOWN_FIELD");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("image", fingerB64, "angle", 3)))), 400, "invalid-request"), "fingers[0].angle",
                "UNKNOWN_FIELD");
        problem(client.get("/v1/subjects?colour=blue", admin), 400, "invalid-request");
    }

    @Test
    void invalidBase64Is400() {
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", "@@not base64@@")))), 400, "invalid-request"),
                "fingers[0].image", "INVALID_BASE64");
        fieldError(problem(client.postJson("/v1/subjects", admin, Map.of("id", "b64", "agency", "t", "face",
                "A")), 400, "invalid-request"), "face", "INVALID_BASE64");
    }

    @Test
    void corruptImagesAre422() {
        byte[] truncated = Arrays.copyOf(fvc(101, 2), 300);
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", b64(truncated))))), 422, "unusable-capture"),
                "fingers[0]", "CORRUPT");
        fieldError(problem(client.postJson("/v1/subjects", admin, Map.of("id", "garbage", "agency", "t", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", b64("hello, not an image".getBytes()))))), 422,
                "unusable-capture"), "fingers[0]", "UNSUPPORTED_FORMAT");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "template", b64("FMR\0garbage".getBytes()))))), 422,
                "unusable-capture"), "fingers[0]", "UNSUPPORTED_VERSION");
    }

    @Test
    void smallImageDeclaringHugeDimensionsIsRefusedBeforeDecoding() {
        byte[] png = new byte[1024];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 0, 0, 0, 0};
        System.arraycopy(header, 0, png, 0, header.length);
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", b64(png))))), 422, "unusable-capture"),
                "fingers[0]", "TOO_LARGE");
    }

    @Test
    void fiftyMegabyteBodyIs413() {
        byte[] big = new byte[50 << 20];
        Arrays.fill(big, (byte) 'A');
        problem(client.send("POST", "/v1/subjects", admin, "application/json", big, Map.of()), 413,
                "payload-too-large");
        problem(client.send("POST", "/v1/verify", kiosk, "multipart/form-data; boundary=x", big, Map.of()), 413,
                "payload-too-large");
    }

    @Test
    void unsupportedMediaTypesAre415() {
        problem(client.send("POST", "/v1/verify", kiosk, "text/plain", "hello".getBytes(), Map.of()), 415,
                "unsupported-media-type");
        problem(client.send("POST", "/v1/subjects", admin, "application/xml", "<a/>".getBytes(), Map.of()), 415,
                "unsupported-media-type");
        problem(client.send("POST", "/v1/subjects", admin, null, "{}".getBytes(), Map.of()), 415,
                "unsupported-media-type");
        problem(client.send("POST", "/v1/subjects/import", admin, "application/json", "{}".getBytes(), Map.of()),
                415, "unsupported-media-type");
    }

    @Test
    void unknownSubjectIdsAre404() {
        problem(client.get("/v1/subjects/nobody", admin), 404, "not-found");
        problem(client.delete("/v1/subjects/nobody", admin), 404, "not-found");
        problem(client.putJson("/v1/subjects/nobody", admin, Map.of("agency", "t", "fingers", List.of(Map.of(
                "position", "RIGHT_INDEX", "image", fingerB64)))), 404, "not-found");
        problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "nobody", "fingers", List.of(Map.of(
                "position", "RIGHT_INDEX", "image", fingerB64)))), 404, "not-found");
        problem(client.get("/v1/jobs/job-nope", admin), 404, "not-found");
    }

    @Test
    void duplicateEnrollmentIs409() {
        problem(client.postJson("/v1/subjects", admin, Map.of("id", "known", "agency", "test", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", fingerB64)))), 409, "conflict");
    }

    @Test
    void badOrMissingKeysAre401() {
        Map<String, Object> body = Map.of("subjectId", "known", "fingers", List.of(Map.of("image", fingerB64)));
        problem(client.postJson("/v1/verify", null, body), 401, "unauthorized");
        problem(client.postJson("/v1/verify", "bidk_aaaaaaaaaaaa_" + "B".repeat(43), body), 401, "unauthorized");
        problem(client.postJson("/v1/verify", kiosk.substring(0, kiosk.length() - 1) + "x", body), 401,
                "unauthorized");
        problem(client.postJson("/v1/verify", ApiKeyStore.DEMO_KIOSK_KEY, body), 401, "unauthorized");
        problem(client.send("GET", "/v1/subjects", null, null, null, Map.of("Authorization", "Basic abc")), 401,
                "unauthorized");
        problem(client.postJson("/v1/subjects", null, Map.of("id", "x", "agency", "t", "face", "AAAA")), 401,
                "unauthorized");
    }

    @Test
    void kioskKeyCannotEnrollOrDeleteAndOtherRolesStayInTheirLane() {
        problem(client.postJson("/v1/subjects", kiosk, Map.of("id", "sneaky", "agency", "t", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", fingerB64)))), 403, "forbidden");
        problem(client.delete("/v1/subjects/known", kiosk), 403, "forbidden");
        problem(client.putJson("/v1/subjects/known", kiosk, Map.of("agency", "t", "fingers", List.of(Map.of(
                "position", "RIGHT_INDEX", "image", fingerB64)))), 403, "forbidden");
        problem(client.get("/v1/subjects/known", kiosk), 403, "forbidden");
        problem(client.get("/v1/audit", kiosk), 403, "forbidden");
        problem(client.send("POST", "/v1/subjects/import", kiosk, "application/x-ndjson", "{}".getBytes(),
                Map.of()), 403, "forbidden");
        problem(client.get("/v1/audit", admin), 403, "forbidden");
        problem(client.postJson("/v1/verify", admin, Map.of("subjectId", "known", "fingers", List.of(Map.of(
                "image", fingerB64)))), 403, "forbidden");
        problem(client.postJson("/v1/verify", auditor, Map.of("subjectId", "known", "fingers", List.of(Map.of(
                "image", fingerB64)))), 403, "forbidden");
        problem(client.delete("/v1/subjects/known", auditor), 403, "forbidden");
    }

    @Test
    void outOfRangeValuesAre400() {
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "targetFmr", 0.5,
                "fingers", List.of(Map.of("image", fingerB64)))), 400, "invalid-request"), "targetFmr",
                "OUT_OF_RANGE");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("image", fingerB64, "dpi", 50)))), 400, "invalid-request"), "fingers[0].dpi",
                "OUT_OF_RANGE");
        fieldError(problem(client.postJson("/v1/identify", kiosk, Map.of("maxCandidates", 1000, "fingers",
                List.of(Map.of("image", fingerB64)))), 400, "invalid-request"), "maxCandidates", "OUT_OF_RANGE");
        fieldError(problem(client.postJson("/v1/subjects", admin, Map.of("id", "bad id!", "agency", "t", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", fingerB64)))), 400, "invalid-request"), "id",
                "INVALID");
        fieldError(problem(client.postJson("/v1/verify", kiosk, Map.of("subjectId", "known", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", fingerB64), Map.of("position", "RIGHT_INDEX",
                        "image", fingerB64)))), 400, "invalid-request"), "fingers[1].position", "DUPLICATE");
        problem(client.get("/v1/audit?limit=0", auditor), 400, "invalid-request");
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        problem(client.get("/v2/verify", kiosk), 404, "not-found");
        problem(client.get("/v1/verify", kiosk), 405, "method-not-allowed");
    }
}
