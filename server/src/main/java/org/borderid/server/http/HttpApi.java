package org.borderid.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.borderid.server.config.Limits;
import org.borderid.server.security.Role;
import org.borderid.server.tls.PemKeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Javalin application: connector (HTTP or HTTPS), limits, authentication, routes and error mapping, all declared
 * in one configuration block (Javalin 7). Routes and roles:
 *
 * <pre>
 * GET    /health, /ready, /metrics, /openapi.yaml   public
 * POST   /v1/verify                                 kiosk
 * POST   /v1/identify                               kiosk, admin (admins see every candidate and reference data)
 * POST   /v1/subjects, GET /v1/subjects             admin
 * GET    /v1/subjects/{id}, PUT, DELETE             admin
 * POST   /v1/subjects/import, GET /v1/jobs/{id}     admin
 * GET    /v1/audit                                  auditor
 * </pre>
 */
public final class HttpApi implements AutoCloseable {
    private final Javalin app;
    private final ImportJobs imports;

    private HttpApi(Javalin app, ImportJobs imports) {
        this.app = app;
        this.imports = imports;
    }

    /**
     * Creates (does not start) the application.
     *
     * @param tls the loaded TLS key store, or {@code null} for plain HTTP
     */
    public static HttpApi create(ApiContext api, PemKeyStore.Loaded tls) throws java.io.IOException {
        ErrorMapping errors = new ErrorMapping(api.json());
        Authentication auth = new Authentication(api.keys(), api.rateLimiter());
        PublicRoutes pub = new PublicRoutes(api, errors);
        AuditRoutes audit = new AuditRoutes(api);
        Commands commands = new Commands(api);
        CheckpointRoutes checkpoint = new CheckpointRoutes(api.services(), commands);
        ImportJobs imports = new ImportJobs(api.config().dataFolder(), api, commands, api.services().enrollment());
        SubjectRoutes subjects = new SubjectRoutes(api, commands, imports);
        Limits limits = api.config().limits();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(api.json(), false));
            cfg.http.maxRequestSize = limits.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            multipart(cfg, limits);
            connector(cfg, api, tls);

            cfg.routes.before(ctx -> checkContentLength(ctx, limits));
            cfg.routes.beforeMatched(auth::check);

            cfg.routes.get("/health", pub::health);
            cfg.routes.get("/ready", pub::ready);
            cfg.routes.get("/metrics", pub::metrics);
            cfg.routes.get("/openapi.yaml", pub::openApi);
            cfg.routes.post("/v1/verify", checkpoint::verify, Role.KIOSK);
            cfg.routes.post("/v1/identify", checkpoint::identify, Role.KIOSK, Role.ADMIN);
            cfg.routes.post(SubjectPaths.IMPORT, subjects::importNdjson, Role.ADMIN);
            cfg.routes.post(SubjectPaths.SUBJECTS, subjects::enroll, Role.ADMIN);
            cfg.routes.get(SubjectPaths.SUBJECTS, subjects::list, Role.ADMIN);
            cfg.routes.get(SubjectPaths.SUBJECT, subjects::get, Role.ADMIN);
            cfg.routes.put(SubjectPaths.SUBJECT, subjects::replace, Role.ADMIN);
            cfg.routes.delete(SubjectPaths.SUBJECT, subjects::delete, Role.ADMIN);
            cfg.routes.get(SubjectPaths.JOB, subjects::job, Role.ADMIN);
            cfg.routes.get("/v1/audit", audit::list, Role.AUDITOR);

            cfg.routes.exception(Exception.class, errors::handle);
            cfg.routes.error(404, ctx -> unlessProblem(ctx, errors, new ApiException(ProblemType.NOT_FOUND,
                    "No route " + ctx.method() + " " + ctx.path() + ".")));
            cfg.routes.error(405, ctx -> unlessProblem(ctx, errors, new ApiException(ProblemType.METHOD_NOT_ALLOWED,
                    "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".")));
            cfg.requestLogger.http(api.metrics()::record);
        });
        return new HttpApi(app, imports);
    }

    /** Starts serving. */
    public void start() {
        app.start();
    }

    /** The bound port. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        imports.close();
    }

    /** Multipart bodies stay in memory (biometric images never touch a temporary file) and within the body limit. */
    private static void multipart(JavalinConfig cfg, Limits limits) {
        cfg.jetty.multipartConfig.maxFileSize(limits.maxBodyBytes(), SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(limits.maxBodyBytes(), SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes()),
                SizeUnit.BYTES);
    }

    private static void connector(JavalinConfig cfg, ApiContext api, PemKeyStore.Loaded tls) {
        String host = api.config().host();
        int port = api.config().port();
        long idle = api.config().limits().idleTimeoutMs();
        cfg.jetty.addConnector((Server server, HttpConfiguration http) -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            ServerConnector connector;
            if (tls == null) {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            } else {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(tls.keyStore());
                ssl.setKeyStorePassword(new String(tls.password()));
                ssl.setKeyManagerPassword(new String(tls.password()));
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                HttpConfiguration https = new HttpConfiguration(http);
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false); // clients verify the host name; IP literals carry no SNI
                https.addCustomizer(secure);
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(https));
            }
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(idle);
            return connector;
        });
    }

    /** Refuses a declared body over the limit before a byte of it is read. */
    private static void checkContentLength(Context ctx, Limits limits) {
        long declared = ctx.req().getContentLengthLong();
        long max = ctx.path().equals(SubjectPaths.IMPORT) ? limits.maxImportBytes() : limits.maxBodyBytes();
        if (declared > max) {
            throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The body of " + declared
                    + " bytes exceeds the limit of " + max + " bytes.");
        }
    }

    /** Javalin's own 404/405 answers become problems; a problem a handler already wrote stays as it is. */
    private static void unlessProblem(Context ctx, ErrorMapping errors, ApiException e) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
            errors.respond(ctx, e);
        }
    }
}
