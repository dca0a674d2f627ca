package org.rollcall.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connector/J reads its trusted CAs from a JKS or PKCS12 key store, while RDS publishes its CA
 * bundle as PEM (global-bundle.pem). This turns a PEM bundle into a PKCS12 trust store in a
 * private temporary file, once per bundle and process. The store only holds public certificates;
 * its password is random and protects nothing secret.
 */
final class PemTrustStore {

    record Store(Path path, String password, int certificates) {
    }

    private static final Map<String, Store> CONVERTED = new ConcurrentHashMap<>();

    private PemTrustStore() {
    }

    static Store from(Path pem) {
        Path file = pem.toAbsolutePath().normalize();
        return CONVERTED.computeIfAbsent(file.toString(), f -> convert(file));
    }

    private static Store convert(Path pem) {
        if (!Files.isReadable(pem)) {
            throw new IllegalStateException("DB_SSL_CA names " + pem + ", which cannot be read. Point it at the"
                    + " database's CA bundle in PEM format (for RDS: global-bundle.pem).");
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("DB_SSL_CA: " + pem + " is not a PEM certificate bundle: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("DB_SSL_CA: " + pem + " holds no certificate. Expected -----BEGIN CERTIFICATE----- blocks.");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path file = Files.createTempFile("rollcall-db-ca-", ".p12");
            file.toFile().deleteOnExit();
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a temp file on Windows is private to the user already
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new Store(file, password, certificates.size());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("DB_SSL_CA: could not build a trust store from " + pem + ": " + e.getMessage(), e);
        }
    }
}
