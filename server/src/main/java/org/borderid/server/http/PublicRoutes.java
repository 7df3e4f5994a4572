package org.borderid.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderid.server.service.Readiness;

/** The unauthenticated routes: liveness, readiness, metrics and the API description. */
final class PublicRoutes {
    /** Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** RFC 9512 media type of YAML. */
    static final String YAML = "application/yaml";
    /** Classpath location of the OpenAPI document (copied from docs/openapi.yaml at build time). */
    static final String OPENAPI_RESOURCE = "openapi.yaml";

    private final ApiContext api;
    private final ErrorMapping errors;
    private final byte[] openApi;

    PublicRoutes(ApiContext api, ErrorMapping errors) {
        this.api = api;
        this.errors = errors;
        this.openApi = loadOpenApi();
    }

    /** {@code GET /health}: the process is up and serving HTTP. */
    void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    /** {@code GET /ready}: 200 when every component is ready (or disabled on purpose), else 503 with the states. */
    void ready(Context ctx) {
        Map<String, Object> components = new LinkedHashMap<>();
        api.readiness().snapshot().forEach((name, s) -> components.put(name, Map.of("state",
                s.state().name().toLowerCase(java.util.Locale.ROOT), "detail", s.detail())));
        if (api.readiness().ready()) {
            ctx.json(Map.of("status", "ready", "components", components));
        } else {
            String waiting = api.readiness().snapshot().entrySet().stream()
                    .filter(e -> e.getValue().state() == Readiness.State.STARTING
                            || e.getValue().state() == Readiness.State.FAILED)
                    .map(e -> e.getKey() + " " + e.getValue().state().name().toLowerCase(java.util.Locale.ROOT))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            errors.respond(ctx, Problem.of(ProblemType.UNAVAILABLE, "Not ready: " + waiting + ".", ctx.path(),
                    List.of(), Map.of("components", components)), Map.of("Retry-After", "5"));
        }
    }

    /** {@code GET /metrics}: Prometheus text format. */
    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(api.metrics().scrape());
    }

    /** {@code GET /openapi.yaml}: the hand-written API description. */
    void openApi(Context ctx) {
        ctx.contentType(YAML).result(openApi);
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = PublicRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the server jar (build problem)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.yaml from the server jar", e);
        }
    }
}
