package org.borderid.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Builds an in-memory key store from PEM files, with Bouncy Castle's PEM parser: a certificate chain (leaf first)
 * and its private key in PKCS#8 ({@code PRIVATE KEY}, or {@code ENCRYPTED PRIVATE KEY} with a password), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}) form. The key must belong to the leaf certificate:
 * a mismatch is refused here rather than surfacing as handshake failures.
 */
public final class PemKeyStore {
    /** Alias of the entry in the returned key store. */
    public static final String ALIAS = "borderid";

    private PemKeyStore() {}

    /** A loaded key store and the random password protecting its entry (in memory only). */
    public record Loaded(KeyStore keyStore, char[] password, X509Certificate leaf) {}

    /**
     * Reads the PEM files.
     *
     * @param keyPassword password of an encrypted key, or {@code null}
     * @throws TlsException naming the file when something cannot be read or does not fit
     */
    public static Loaded load(Path certificateFile, Path privateKeyFile, char[] keyPassword) {
        List<X509Certificate> chain = readCertificates(certificateFile);
        PrivateKey key = readPrivateKey(privateKeyFile, keyPassword);
        checkPair(key, chain.get(0).getPublicKey(), certificateFile, privateKeyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = randomPassword();
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            return new Loaded(store, password, chain.get(0));
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("cannot build a key store from " + certificateFile + " and " + privateKeyFile
                    + ": " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                } else {
                    throw new TlsException(file + " holds a " + o.getClass().getSimpleName()
                            + " where only CERTIFICATE blocks are expected");
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException("cannot read certificate file " + file + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new TlsException(file + " contains no PEM CERTIFICATE block");
        }
        return chain;
    }

    static PrivateKey readPrivateKey(Path file, char[] password) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .build(requirePassword(password, file));
                    return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    return converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().build(requirePassword(password, file)))).getPrivate();
                }
            }
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new TlsException("cannot read private key file " + file + ": " + e.getMessage(), e);
        }
        throw new TlsException(file + " contains no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static char[] requirePassword(char[] password, Path file) {
        if (password == null || password.length == 0) {
            throw new TlsException(file + " is encrypted; configure tls.keyPassword");
        }
        return password;
    }

    /** Signs and verifies a probe message: the cheapest algorithm-independent proof that key and certificate pair. */
    private static void checkPair(PrivateKey key, PublicKey pub, Path certificateFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TlsException(keyFile + ": unsupported key algorithm " + key.getAlgorithm());
        };
        try {
            byte[] probe = "borderid-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(pub);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new TlsException("the private key in " + keyFile + " does not belong to the certificate in "
                        + certificateFile);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsException("the private key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + ": " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
