package org.borderid.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.borderid.server.storage.DurableFiles;

/**
 * A self-signed certificate for development and tests ({@code borderid dev-cert}): ECDSA P-256, SHA-256, valid for
 * {@link #DEFAULT_VALIDITY}, subject alternative names for the given host names and IP addresses, key usage for a TLS
 * server only (not a CA). Written as {@code cert.pem} and {@code key.pem} (PKCS#8, owner-readable only). Never use it
 * in production: clients can only trust it by pinning it.
 */
public final class DevCertificate {
    /** Validity of a development certificate (90 days, like short-lived public certificates). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    /** Names the certificate covers by default. */
    public static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");
    /** File name of the certificate. */
    public static final String CERT_FILE = "cert.pem";
    /** File name of the private key. */
    public static final String KEY_FILE = "key.pem";

    private DevCertificate() {}

    /** The written files. */
    public record Written(Path certificate, Path privateKey) {}

    /**
     * Generates a key pair and certificate and writes them into {@code folder}.
     *
     * @param names host names and IP addresses (at least one)
     */
    public static Written write(Path folder, List<String> names, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one host name or IP address");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + names.get(0).replaceAll("[,=+<>#;\"\\\\]", "_")
                    + ",O=BorderID development certificate");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validity)), subject, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(
                    pair.getPublic()));
            X509CertificateHolder cert = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(pair.getPrivate()));
            Path certFile = folder.resolve(CERT_FILE);
            Path keyFile = folder.resolve(KEY_FILE);
            DurableFiles.writeAtomically(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null)), true);
            DurableFiles.writeAtomically(certFile, pem(cert), false);
            return new Written(certFile, keyFile);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new TlsException("cannot create a development certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static GeneralNames alternativeNames(List<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            out.add(isIpAddress(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        return new GeneralNames(out.toArray(new GeneralName[0]));
    }

    private static boolean isIpAddress(String n) {
        if (!n.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(n); // literal: no lookup
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
        return w.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
