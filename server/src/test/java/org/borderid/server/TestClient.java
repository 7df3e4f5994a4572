package org.borderid.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A small HTTP client for the server tests: real requests over loopback, JSON bodies parsed. */
public final class TestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers, raw body and (when JSON) the parsed body. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] raw, JsonNode json,
            String method, String path, String requestContentType, byte[] requestBody) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + contentType() + " " + (raw.length > 2000
                    ? text().substring(0, 2000) + "..." : text());
        }
    }

    private final HttpClient http;
    private final String base;
    private final List<Consumer<Response>> listeners = new ArrayList<>();

    public TestClient(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public TestClient(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Every response passes through the listener (used to validate exchanges against the OpenAPI document). */
    public TestClient onResponse(Consumer<Response> listener) {
        listeners.add(listener);
        return this;
    }

    public Response get(String path, String key) {
        return send("GET", path, key, null, null, Map.of());
    }

    public Response delete(String path, String key) {
        return send("DELETE", path, key, null, null, Map.of());
    }

    public Response postJson(String path, String key, Object body) {
        return send("POST", path, key, "application/json", toBytes(body), Map.of());
    }

    public Response putJson(String path, String key, Object body) {
        return send("PUT", path, key, "application/json", toBytes(body), Map.of());
    }

    public Response send(String method, String path, String key, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = ct.contains("json") && r.body().length > 0 ? JSON.readTree(r.body()) : null;
            Response response = new Response(r.statusCode(), r.headers(), r.body(), json, method, path,
                    contentType, body);
            listeners.forEach(l -> l.accept(response));
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
