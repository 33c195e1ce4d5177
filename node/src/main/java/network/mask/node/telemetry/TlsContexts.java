package network.mask.node.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Builds the TLS socket factory for the broker connection from PEM files, the form Mosquitto and
 * Home Assistant use: a CA bundle to trust, and optionally a client certificate chain and its
 * unencrypted key (PKCS#8, PKCS#1 RSA or SEC1 EC). Problems come back as CONFIG_INVALID with the
 * file named, never as a stack trace on the dashboard.
 */
final class TlsContexts {

    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private TlsContexts() {}

    static SSLSocketFactory socketFactory(MqttSettings settings) throws PublisherException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (settings.caFile() != null) {
                trust.init(trustStore(settings.caFile()));
            } else {
                trust.init((KeyStore) null);   // the JVM's default CAs, for a broker with a public certificate
            }
            KeyManagerFactory keys = null;
            if (settings.clientCertFile() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(clientKeyStore(settings.clientCertFile(), settings.clientKeyFile()), IN_MEMORY_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new PublisherException(TelemetryState.CONFIG_INVALID, "TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(Path caFile) throws PublisherException, GeneralSecurityException {
        Collection<? extends Certificate> cas = certificates(caFile, "CA file");
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate ca : cas) store.setCertificateEntry("ca-" + i++, ca);
        return store;
    }

    private static KeyStore clientKeyStore(Path certFile, Path keyFile) throws PublisherException, GeneralSecurityException {
        Certificate[] chain = certificates(certFile, "client certificate").toArray(new Certificate[0]);
        PrivateKey key = privateKey(keyFile);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain);
        return store;
    }

    private static Collection<? extends Certificate> certificates(Path file, String what) throws PublisherException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw invalid(what + " holds no certificate: " + file, null);
            return certs;
        } catch (IOException e) {
            throw invalid(what + " cannot be read: " + file, e);
        } catch (GeneralSecurityException e) {
            throw invalid(what + " is not a PEM certificate: " + file, e);
        }
    }

    private static PrivateKey privateKey(Path file) throws PublisherException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            Object parsed = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
            if (parsed instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
            throw invalid("client key is not an unencrypted PEM private key: " + file, null);
        } catch (IOException e) {
            throw invalid("client key cannot be read: " + file, e);
        }
    }

    private static PublisherException invalid(String message, Throwable cause) {
        return new PublisherException(TelemetryState.CONFIG_INVALID, message, cause);
    }
}
