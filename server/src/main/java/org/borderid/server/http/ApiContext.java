package org.borderid.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.RateLimiter;
import org.borderid.server.service.Readiness;

/**
 * What the HTTP layer needs from the rest of the server, assembled by {@code BorderIdServer}.
 *
 * @param config      the configuration
 * @param json        the API's JSON mapper
 * @param keys        API keys
 * @param rateLimiter per-key rate limit
 * @param audit       the audit log
 * @param metrics     metrics registry and access log
 * @param readiness   component states
 * @param services    the biometric and subject services
 */
public record ApiContext(ServerConfig config, ObjectMapper json, ApiKeyStore keys, RateLimiter rateLimiter,
        AuditLog audit, HttpMetrics metrics, Readiness readiness, ApiServices services) {
    public ApiContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(services, "services");
    }
}
