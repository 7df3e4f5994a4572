package org.borderid.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.server.BorderIdServer;
import org.borderid.server.config.FaceConfig;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.config.TlsConfig;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.demo.DemoGallery;

/**
 * {@code borderid serve}: runs the checkpoint server until interrupted (Ctrl-C / SIGTERM stop it cleanly).
 */
final class ServeCommand implements CliCommand {
    /** Data folder when neither the configuration nor {@code --data} names one. */
    static final String DEFAULT_DATA = "borderid-data";
    /** Data folder of {@code --demo} (separate, so demo subjects never land in a real gallery). */
    static final String DEMO_DATA = "borderid-demo";

    static final String USAGE = """
            usage: borderid serve [--config FILE] [--host ADDR] [--port N] [--data DIR]
                                  [--tls-cert PEM --tls-key PEM] [--models DIR] [--demo [--shared DIR]]
              --config FILE  server.yaml (YAML or JSON; docs/server.md lists the keys); flags override it
              --host ADDR    address to bind (default 127.0.0.1)
              --port N       TCP port (default 8080; 0 = any free port)
              --data DIR     data folder: gallery, API keys, audit log (default borderid-data;
                             borderid-demo with --demo)
              --tls-cert PEM, --tls-key PEM
                             serve HTTPS with this certificate chain and private key (see borderid dev-cert)
              --models DIR   face models in the shared layout: DIR/yunet/face_detection_yunet_2023mar.onnx and
                             DIR/mobilefacenet/mobilefacenet.onnx
              --demo         DEMO ONLY: fixed demo API keys and a small demo gallery from the shared datasets
              --shared DIR   the shared datasets and models for --demo (default $BORDERID_SHARED or ../shared)""";

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the checkpoint verification server (REST API on 127.0.0.1:8080)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        ServerConfig config = configure(args);
        if (config.demo()) {
            err.println("""
                    ******************************************************************************
                    *  DEMO MODE: fixed, publicly documented API keys and a demo gallery.        *
                    *  Anyone who can reach this port can enroll and query. NOT FOR PRODUCTION.  *
                    ******************************************************************************""");
        }
        BorderIdServer server = BorderIdServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "borderid-shutdown"));
        out.println("BorderID server on " + server.url() + " (data folder " + config.dataFolder().toAbsolutePath()
                + ")");
        if (config.demo()) {
            out.println("Demo API keys (demo mode only):");
            out.println("  kiosk    " + ApiKeyStore.DEMO_KIOSK_KEY);
            out.println("  admin    " + ApiKeyStore.DEMO_ADMIN_KEY);
            out.println("  auditor  " + ApiKeyStore.DEMO_AUDITOR_KEY);
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    static ServerConfig configure(List<String> args) {
        Options o = Options.parse(args, Set.of("--config", "--host", "--port", "--data", "--tls-cert", "--tls-key",
                "--models", "--shared"), Set.of("--demo"));
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0) + "\n" + USAGE);
        }
        ServerConfig config = o.get("--config") == null ? ServerConfig.DEFAULT
                : ServerConfig.read(Path.of(o.get("--config")));
        boolean demo = o.flag("--demo");
        if (o.get("--host") != null) {
            config = config.withHost(o.get("--host"));
        }
        if (o.get("--port") != null) {
            config = config.withPort(o.intValue("--port", 8080, 0, 65535));
        }
        if (o.get("--data") != null) {
            config = config.withData(o.get("--data"));
        } else if (demo && (o.get("--config") == null || config.data().equals(DEFAULT_DATA))) {
            config = config.withData(DEMO_DATA);
        }
        if ((o.get("--tls-cert") == null) != (o.get("--tls-key") == null)) {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        if (o.get("--tls-cert") != null) {
            config = config.withTls(new TlsConfig(o.get("--tls-cert"), o.get("--tls-key"), null));
        }
        Path models = o.get("--models") != null ? Path.of(o.get("--models")) : null;
        if (models != null) {
            config = config.withFace(new FaceConfig(
                    models.resolve("yunet/face_detection_yunet_2023mar.onnx").toString(), "mobilefacenet",
                    models.resolve("mobilefacenet/mobilefacenet.onnx").toString()));
        }
        if (!demo && o.get("--shared") != null) {
            throw new UsageException("--shared is for --demo only");
        }
        return demo ? DemoGallery.configure(config, DemoGallery.sharedFolder(o.get("--shared"))) : config;
    }
}
