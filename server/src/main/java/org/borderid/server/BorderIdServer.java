package org.borderid.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import org.borderid.OperatingPoint;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.gallery.GalleryConfig;
import org.borderid.server.audit.AuditLog;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.demo.DemoGallery;
import org.borderid.server.engine.FaceEngineReader;
import org.borderid.server.engine.GallerySubjectStore;
import org.borderid.server.http.ApiContext;
import org.borderid.server.http.ApiServices;
import org.borderid.server.http.HttpApi;
import org.borderid.server.http.HttpMetrics;
import org.borderid.server.http.Json;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.RateLimiter;
import org.borderid.server.service.DecisionPolicy;
import org.borderid.server.service.EnrollmentService;
import org.borderid.server.service.Engines;
import org.borderid.server.service.FaceReader;
import org.borderid.server.service.FingerReader;
import org.borderid.server.service.IdentificationService;
import org.borderid.server.service.Readiness;
import org.borderid.server.service.ScoreScale;
import org.borderid.server.service.SubjectQuery;
import org.borderid.server.service.SubjectStore;
import org.borderid.server.service.SubjectStoreFactory;
import org.borderid.server.service.VerificationService;
import org.borderid.server.service.Warmup;
import org.borderid.server.service.WorkQueue;
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

    /** The gallery's folder inside the data folder. */
    public static final String GALLERY_FOLDER = "gallery";

    private final HttpApi app;
    private final String url;
    private final List<AutoCloseable> resources;
    private final Readiness readiness;

    private BorderIdServer(HttpApi app, String url, List<AutoCloseable> resources, Readiness readiness) {
        this.app = app;
        this.url = url;
        this.resources = resources;
        this.readiness = readiness;
    }

    private static void openGallery(SubjectStoreFactory galleries, Path folder, Engines engines, Readiness readiness,
            List<AutoCloseable> resources) {
        if (galleries == null) {
            readiness.set("gallery", Readiness.State.FAILED, "no gallery implementation is available");
            return;
        }
        try {
            SubjectStore store = galleries.open(folder);
            synchronized (resources) {
                if (resources.isEmpty()) { // the server was closed while the gallery opened
                    store.close();
                    return;
                }
                resources.add(1, store); // closed after the HTTP server, before the audit log
            }
            engines.store(store);
            readiness.set("gallery", Readiness.State.READY, "open (" + store.count(SubjectQuery.ALL)
                    + " subjects at opening)");
        } catch (Exception e) {
            LOG.error("cannot open the gallery in {}: {}", folder, e.getMessage(), e);
            readiness.set("gallery", Readiness.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static void loadFaces(ServerConfig config, Engines engines, Readiness readiness,
            List<AutoCloseable> resources) {
        try {
            FaceEngineReader faces = FaceEngineReader.open(config.face(), config.limits().imageLimits(),
                    config.limits().effectiveWorkers());
            synchronized (resources) {
                if (resources.isEmpty()) { // the server was closed while the models loaded
                    faces.close();
                    return;
                }
                resources.add(1, faces);
            }
            engines.faces(faces);
            readiness.set("face", Readiness.State.STARTING, "models loaded, checking the gallery");
        } catch (RuntimeException e) {
            LOG.error("cannot load the face models: {}", e.getMessage());
            readiness.set("face", Readiness.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * Refuses faces when the gallery's face index holds embeddings of another dimension than the loaded model's
     * (the model was changed under an existing data folder): face captures get 503 and /ready says why, instead of
     * every face enrollment failing.
     */
    private static void checkFaceDimension(Engines engines, Readiness readiness) {
        if (engines.faces().isEmpty()) {
            return;
        }
        FaceReader faces = engines.faces().get();
        java.util.OptionalInt gallery = engines.store().map(SubjectStore::faceDimension)
                .orElse(java.util.OptionalInt.empty());
        if (gallery.isEmpty() || gallery.getAsInt() == faces.dimension()) {
            readiness.set("face", Readiness.State.READY, "models loaded: " + faces.model() + " (" + faces.dimension()
                    + "-d)");
        } else {
            engines.faces(null);
            String why = "the gallery holds " + gallery.getAsInt() + "-d face embeddings but model " + faces.model()
                    + " gives " + faces.dimension() + "-d: configure the gallery's model or use a new data folder";
            LOG.error("faces disabled: {}", why);
            readiness.set("face", Readiness.State.FAILED, why);
        }
    }

    private static void enrollDemo(EnrollmentService enrollment, Engines engines, Path shared, Readiness readiness) {
        if (engines.store().isEmpty()) {
            readiness.set("demo", Readiness.State.FAILED, "no gallery");
            return;
        }
        try {
            int n = DemoGallery.enroll(enrollment, shared, engines.faces().isPresent());
            readiness.set("demo", Readiness.State.READY, DemoGallery.SUBJECTS.size() + " demo subjects ("
                    + n + " enrolled now" + (engines.faces().isPresent() ? "" : ", fingers only: no face engine")
                    + ")");
            LOG.warn("DEMO MODE: {} demo subjects from {}; fixed demo API keys are active. Not for production.",
                    DemoGallery.SUBJECTS.size(), shared);
        } catch (Exception e) {
            LOG.error("cannot enroll the demo gallery: {}", e.getMessage());
            readiness.set("demo", Readiness.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * Waits until every component is ready (or disabled), a component failed, or the timeout passed.
     *
     * @return whether the server is ready
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness.ready()) {
                return true;
            }
            if (readiness.snapshot().values().stream().anyMatch(s -> s.state() == Readiness.State.FAILED)) {
                return false;
            }
            Thread.sleep(20);
        }
        return readiness.ready();
    }

    /** The state of each component (gallery, face, fingerprint, audit). */
    public Readiness readiness() {
        return readiness;
    }

    /**
     * Opens the data folder and starts serving.
     *
     * @throws org.borderid.BorderIdException when the data folder, the key file, the audit log or the TLS files
     *                                        cannot be used (the message says which)
     */
    public static BorderIdServer start(ServerConfig config) {
        Objects.requireNonNull(config, "config");
        int faceDimension = config.face() == null ? GalleryConfig.DEFAULT_FACE_DIMENSION
                : FaceEngineReader.descriptor(config.face()).dimension();
        return start(config, GallerySubjectStore.factory(faceDimension));
    }

    /**
     * Opens the data folder and starts serving, with the given gallery implementation.
     *
     * @param galleries opens the gallery of the data folder's {@value #GALLERY_FOLDER} folder
     */
    public static BorderIdServer start(ServerConfig config, SubjectStoreFactory galleries) {
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
            Engines engines = new Engines(new FingerReader(new FingerprintExtractor(), config.limits().imageLimits()),
                    fingerScale());
            readiness.set("fingerprint", Readiness.State.STARTING, "warming up");
            readiness.set("gallery", Readiness.State.STARTING, "opening");
            readiness.set("face", config.face() == null ? Readiness.State.DISABLED : Readiness.State.STARTING,
                    config.face() == null ? "no face models configured: face captures get 503" : "loading models");
            Gauge.builder("borderid.gallery.subjects", engines, e -> e.store().map(st -> (double) st.count(
                    SubjectQuery.ALL)).orElse(Double.NaN)).description("Subjects enrolled in the gallery")
                    .register(metrics.registry());
            WorkQueue work = new WorkQueue(config.limits().effectiveWorkers(), config.limits().queue(),
                    Duration.ofMillis(config.limits().requestTimeoutMs()), metrics.registry());
            resources.add(work);
            DecisionPolicy policy = config.policy();
            ApiServices services = new ApiServices(engines, work, new VerificationService(engines, policy),
                    new IdentificationService(engines, policy, audit), new EnrollmentService(engines, policy, audit));
            ApiContext api = new ApiContext(config, json, keys,
                    new RateLimiter(config.limits().rateLimit(), config.limits().rateBurst()), audit, metrics,
                    readiness, services);
            HttpApi app = HttpApi.create(api, tls);
            resources.add(app);
            app.start();
            if (config.demo()) {
                readiness.set("demo", Readiness.State.STARTING, "waiting for the gallery");
            }
            Thread warmup = new Thread(() -> {
                long warm = Warmup.fingerprints(engines.fingers());
                readiness.set("fingerprint", Readiness.State.READY, "extractor and matcher ready (warm-up " + warm
                        + " ms)");
            }, "borderid-warmup");
            warmup.setDaemon(true);
            warmup.start();
            Thread loader = new Thread(() -> {
                if (config.face() != null) {
                    loadFaces(config, engines, readiness, resources);
                }
                openGallery(galleries, data.resolve(GALLERY_FOLDER), engines, readiness, resources);
                checkFaceDimension(engines, readiness);
                if (config.demo()) {
                    enrollDemo(services.enrollment(), engines, Path.of(config.demoData()), readiness);
                }
            }, "borderid-startup");
            loader.setDaemon(true);
            loader.start();
            String url = (tls == null ? "http://" : "https://") + hostForUrl(config.host()) + ":" + app.port();
            if (keys.list().stream().noneMatch(k -> k.active()) && !config.demo()) {
                LOG.warn("no API keys yet: create one with 'borderid keys create --role kiosk --data {}'", data);
            }
            LOG.info("BorderID server listening on {} (data folder {})", url, data.toAbsolutePath());
            return new BorderIdServer(app, url, resources, readiness);
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
        closeAll(resources);
    }

    /** The fingerprint matcher's calibration as an evidence scale. */
    static ScoreScale fingerScale() {
        Map<OperatingPoint, Double> t = new EnumMap<>(OperatingPoint.class);
        for (OperatingPoint p : OperatingPoint.values()) {
            t.put(p, FingerprintMatcher.threshold(p));
        }
        return ScoreScale.of(t);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        synchronized (resources) {
            closeAllLocked(resources);
        }
    }

    private static void closeAllLocked(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        resources.clear();
    }

    private static String hostForUrl(String host) {
        if (host.isEmpty() || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

}
