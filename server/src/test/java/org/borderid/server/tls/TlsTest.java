package org.borderid.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.borderid.server.BorderIdServer;
import org.borderid.server.config.ServerConfig;
import org.borderid.server.config.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    @TempDir
    Path dir;

    @Test
    void devCertificateServesHttpsToAClientThatPinsIt() throws Exception {
        DevCertificate.Written files = DevCertificate.write(dir, DevCertificate.DEFAULT_NAMES, Duration.ofDays(1));
        assertThat(Files.getPosixFilePermissions(files.privateKey())).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ServerConfig config = ServerConfig.DEFAULT.withPort(0).withData(dir.resolve("data").toString())
                .withTls(new TlsConfig(files.certificate().toString(), files.privateKey().toString(), null));
        try (BorderIdServer server = BorderIdServer.start(config)) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(files.certificate())).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLSv1."));
            // Plain HTTP is not served on the TLS port.
            HttpClient plain = HttpClient.newHttpClient();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create(server.url().replace("https",
                    "http") + "/health")).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(
                    java.io.IOException.class);
        }
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        DevCertificate.Written a = DevCertificate.write(dir.resolve("a"), List.of("localhost"), Duration.ofDays(1));
        DevCertificate.Written b = DevCertificate.write(dir.resolve("b"), List.of("localhost"), Duration.ofDays(1));
        assertThatThrownBy(() -> PemKeyStore.load(a.certificate(), b.privateKey(), null))
                .isInstanceOf(TlsException.class).hasMessageContaining("does not belong");
    }

    @Test
    void notPemFilesAreRefusedNamingTheFile() throws Exception {
        DevCertificate.Written a = DevCertificate.write(dir, List.of("localhost"), Duration.ofDays(1));
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> PemKeyStore.load(junk, a.privateKey(), null)).isInstanceOf(TlsException.class)
                .hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> PemKeyStore.load(a.certificate(), junk, null)).isInstanceOf(TlsException.class)
                .hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> PemKeyStore.load(a.certificate(), a.certificate(), null))
                .isInstanceOf(TlsException.class);
        assertThatThrownBy(() -> PemKeyStore.load(dir.resolve("missing.pem"), a.privateKey(), null))
                .isInstanceOf(TlsException.class).hasMessageContaining("missing.pem");
    }

    @Test
    void certificateNamesTheRequestedHosts() throws Exception {
        DevCertificate.Written w = DevCertificate.write(dir, List.of("kiosk.example", "10.0.0.7"), Duration.ofDays(1));
        X509Certificate cert = PemKeyStore.readCertificates(w.certificate()).get(0);
        assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
                .containsExactly("kiosk.example", "10.0.0.7");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    }

    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("dev", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
