package org.borderid.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.borderid.server.BorderIdServer;
import org.borderid.server.OpenApiContract;
import org.borderid.server.TestClient;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {
    @TempDir
    static Path data;
    static BorderIdServer server;
    static TestClient client;
    static String kiosk;
    static String auditor;

    @BeforeAll
    static void start() {
        ApiKeyStore keys = ApiKeyStore.open(data);
        kiosk = keys.create(Role.KIOSK, "test kiosk").secret();
        auditor = keys.create(Role.AUDITOR, "test auditor").secret();
        server = BorderIdServer.start(ServerConfig.DEFAULT.withPort(0).withData(data.toString()));
        client = new TestClient(server.url()).onResponse(OpenApiContract.get()::check);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIsUp() {
        TestClient.Response r = client.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("up");
    }

    @Test
    void unknownRouteIsProblemJson404() {
        TestClient.Response r = client.get("/nope", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(r.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void wrongMethodIs405() {
        TestClient.Response r = client.send("DELETE", "/health", null, null, null, Map.of());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void auditNeedsKey() {
        TestClient.Response r = client.get("/v1/audit", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(client.get("/v1/audit", "bidk_aaaaaaaaaaaa_" + "A".repeat(43)).status()).isEqualTo(401);
        assertThat(client.get("/v1/audit", kiosk).status()).isEqualTo(403);
        TestClient.Response ok = client.get("/v1/audit", auditor);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("head").path("seq").asLong()).isZero();
    }

    @Test
    void metricsArePrometheusText() {
        client.get("/health", null);
        TestClient.Response r = client.get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.text()).contains("http_server_requests_seconds_bucket").contains("route=\"/health\"");
    }

    @Test
    void fiftyMegabyteBodyIs413() {
        TestClient.Response r = client.send("POST", "/v1/audit", kiosk, "application/json", new byte[50 << 20],
                Map.of());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
