package org.borderid.server.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer metrics in the Prometheus format: a latency histogram per route, method and status
 * ({@code http_server_requests_seconds_bucket{method,route,status}}), JVM and process gauges, and whatever the
 * services register (gallery size, worker queue). Also the access log: one line per request at DEBUG, 5xx at WARN,
 * with route, status, time and the key id, never bodies or keys.
 */
public final class HttpMetrics implements AutoCloseable {
    /** Histogram bucket range for request latency: 1 ms .. 30 s covers a health probe up to a bulk import upload. */
    static final Duration MIN_EXPECTED = Duration.ofMillis(1);
    static final Duration MAX_EXPECTED = Duration.ofSeconds(30);

    private static final Logger ACCESS = LoggerFactory.getLogger("org.borderid.server.access");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public HttpMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** The registry services add their own meters to. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Javalin request logger: records the request's latency and writes the access log line. */
    public void record(Context ctx, float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        Object principal = ctx.attribute(Authentication.PRINCIPAL);
        String who = principal == null ? "-" : ((org.borderid.server.security.Principal) principal).keyId();
        if (status >= 500 && !route.equals("/ready")) { // a starting server answers /ready with 503 by design
            ACCESS.warn("{} {} {} {} ms key={}", ctx.method(), route, status, Math.round(millis), who);
        } else if (ACCESS.isDebugEnabled()) {
            ACCESS.debug("{} {} {} {} ms key={}", ctx.method(), route, status, Math.round(millis), who);
        }
    }

    /** The matched route template ({@code /v1/subjects/{id}}), or {@code unmatched}: bounded label cardinality. */
    private static String route(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
