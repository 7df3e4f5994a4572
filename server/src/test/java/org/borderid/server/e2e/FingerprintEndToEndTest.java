package org.borderid.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderid.server.e2e.TestData.b64;
import static org.borderid.server.e2e.TestData.fvc;

import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintEndToEndTest {
    @TempDir
    static Path data;
    static BorderIdServer server;
    static TestClient client;
    static String kiosk;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        ApiKeyStore keys = ApiKeyStore.open(data);
        kiosk = keys.create(Role.KIOSK, "").secret();
        admin = keys.create(Role.ADMIN, "").secret();
        server = BorderIdServer.start(ServerConfig.DEFAULT.withPort(0).withData(data.toString()),
                folder -> new MemorySubjectStore());
        assertThat(server.awaitReady(Duration.ofSeconds(30))).isTrue();
        client = new TestClient(server.url()).onResponse(OpenApiContract.get()::check);
        for (int finger = 101; finger <= 104; finger++) {
            TestClient.Response r = client.postJson("/v1/subjects", admin, Map.of("id", "fvc-" + finger, "agency",
                    "test", "lists", List.of("watchlist"), "fingers", List.of(Map.of("position", "RIGHT_INDEX",
                            "image", b64(fvc(finger, 1))))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void genuineFingerMatches() {
        TestClient.Response r = client.postJson("/v1/verify", kiosk, Map.of("subjectId", "fvc-102", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(102, 3))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("decision").asText()).as(r.toString()).isEqualTo("MATCH");
        assertThat(r.json().path("fusedScore").asDouble()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void impostorFingerDoesNotMatch() {
        TestClient.Response r = client.postJson("/v1/verify", kiosk, Map.of("subjectId", "fvc-102", "fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(107, 2))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("decision").asText()).as(r.toString()).isEqualTo("NO_MATCH");
    }

    @Test
    void identifyFindsTheEnrolledFinger() {
        TestClient.Response r = client.postJson("/v1/identify", kiosk, Map.of("fingers",
                List.of(Map.of("position", "RIGHT_INDEX", "image", b64(fvc(103, 5))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).as(r.toString()).isEqualTo("HIT");
        assertThat(r.json().path("candidates").get(0).path("subjectId").asText()).isEqualTo("fvc-103");
    }
}
