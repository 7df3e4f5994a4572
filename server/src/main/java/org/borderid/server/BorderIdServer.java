package org.borderid.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.http.ApiContext;
import org.borderid.server.http.ApiServices;
import org.borderid.server.http.HttpApi;
import org.borderid.server.http.HttpMetrics;
import org.borderid.server.http.Json;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.RateLimiter;
import org.borderid.server.service.Readiness;
import org.borderid.server.tls.PemKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint verification server: {@code BorderIdServer.start(config)} opens the data folder (API keys, audit
 * log, gallery), loads the engines and serves the REST API until {@link #close()}.
 *
 * <pre>{@code
 * try (BorderIdServer server = BorderIdServer.start(ServerConfig.DEFAULT.withPort(0))) {
 *     System.out.println("listening on " + server.url());
 * }
 * }</pre>
 */
public final class BorderIdServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BorderIdServer.class);

    private final Javalin app;
    private final String url;
    private final List<AutoCloseable> resources;

    private BorderIdServer(Javalin app, String url, List<AutoCloseable> resources) {
        this.app = app;
        this.url = url;
        this.resources = resources;
    }

    /**
     * Opens the data folder and starts serving.
     *
     * @throws org.borderid.BorderIdException when the data folder, the key file, the audit log or the TLS files
     *                                        cannot be used (the message says which)
     */
    public static BorderIdServer start(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Path data = config.dataFolder();
            Files.createDirectories(data);
            ObjectMapper json = Json.mapper();
            ApiKeyStore keys = ApiKeyStore.open(data);
            if (config.demo()) {
                keys = keys.withDemoKeys();
            }
            AuditLog audit = AuditLog.open(data);
            resources.add(audit);
            HttpMetrics metrics = new HttpMetrics();
            resources.add(metrics);
            Readiness readiness = new Readiness();
            readiness.set("audit", Readiness.State.READY, "audit log verified and open");
            PemKeyStore.Loaded tls = config.tls() == null ? null : PemKeyStore.load(Path.of(config.tls().certificate()),
                    Path.of(config.tls().privateKey()), config.tls().keyPassword() == null ? null
                            : config.tls().keyPassword().toCharArray());
            ApiContext api = new ApiContext(config, json, keys,
                    new RateLimiter(config.limits().rateLimit(), config.limits().rateBurst()), audit, metrics,
                    readiness, new ApiServices());
            Javalin app = HttpApi.create(api, tls);
            app.start();
            String url = (tls == null ? "http://" : "https://") + hostForUrl(config.host()) + ":" + app.port();
            if (keys.list().stream().noneMatch(k -> k.active()) && !config.demo()) {
                LOG.warn("no API keys yet: create one with 'borderid keys create --role kiosk --data {}'", data);
            }
            LOG.info("BorderID server listening on {} (data folder {})", url, data.toAbsolutePath());
            return new BorderIdServer(app, url, resources);
        } catch (java.io.IOException e) {
            closeAll(resources);
            throw new org.borderid.server.config.ConfigException("cannot use data folder " + config.data() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Stops serving and closes the data folder. */
    @Override
    public void close() {
        app.stop();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static String hostForUrl(String host) {
        if (host.isEmpty() || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

}
