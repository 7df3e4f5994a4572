package org.borderid.server.config;

/**
 * TLS settings: when present, the server speaks HTTPS only (TLS 1.2 and 1.3, Jetty's default cipher suites).
 *
 * @param certificate PEM file with the certificate chain, leaf first
 * @param privateKey  PEM file with its private key (PKCS#8, PKCS#1 or SEC 1)
 * @param keyPassword password of an encrypted private key, or {@code null}
 */
public record TlsConfig(String certificate, String privateKey, String keyPassword) {
    public TlsConfig {
        if (certificate == null || certificate.isBlank() || privateKey == null || privateKey.isBlank()) {
            throw new IllegalArgumentException("tls needs both 'certificate' and 'privateKey' (PEM files)");
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[certificate=" + certificate + ", privateKey=" + privateKey + "]"; // never the password
    }
}
