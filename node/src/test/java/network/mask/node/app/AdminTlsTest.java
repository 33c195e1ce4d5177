package network.mask.node.app;

import network.mask.node.maintenance.DataFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.systemd.SdNotify;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin.tls = true}: the composed setup page answers over HTTPS with the certificate kept in the data directory. */
class AdminTlsTest {

    @TempDir Path dir;

    record Run(Appliance appliance, NodeDaemon daemon, ByteArrayOutputStream console) implements AutoCloseable {
        @Override
        public void close() {
            daemon.stop(Duration.ofMillis(200));
            appliance.close();
        }
    }

    Run start(NodeConfig config) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Appliance appliance = Appliance.open(config, new PrintStream(console, true, StandardCharsets.UTF_8), SdNotify.disabled());
        NodeDaemon daemon = NodeDaemon.builder(config).hopEngines(ToyOnion::engine).build();
        ApplianceServices.addTo(daemon, appliance);
        daemon.start();
        appliance.running(daemon);
        return new Run(appliance, daemon, console);
    }

    @Test
    void theSetupPageServesHttpsWithThePersistedCertificate() throws Exception {
        int adminPort = TestNodes.freePort();
        Path file = dir.resolve("masknode.toml");
        Files.writeString(file, "[admin]\ntls = true\n");
        NodeConfig config = ConfigLoader.load(new ConfigLoader.Overrides(file, dir.resolve("data"), TestNodes.freePort(),
                TestNodes.freePort(), adminPort, null, true));
        DataFiles files = new DataFiles(config.node().dataDir());
        URI claimPage = URI.create("https://127.0.0.1:" + adminPort + "/claim");

        byte[] firstDer;
        try (Run run = start(config)) {
            firstDer = Files.readAllBytes(files.tlsCertificate());
            String console = run.console().toString(StandardCharsets.UTF_8);
            assertTrue(console.contains("Setup page: https://127.0.0.1:" + adminPort + "/"), console);
            assertTrue(console.contains("Certificate SHA-256: " + fingerprint(firstDer)), console);

            HttpResponse<String> page = trusting(firstDer).send(HttpRequest.newBuilder(claimPage).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals(x509(firstDer), page.sslSession().orElseThrow().getPeerCertificates()[0]);
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(claimPage).build(),
                    HttpResponse.BodyHandlers.ofString()), "a client that does not know the certificate is refused");
        }

        try (Run again = start(config)) {
            assertEquals(fingerprint(firstDer), fingerprint(Files.readAllBytes(files.tlsCertificate())), "kept across starts");
            assertEquals(200, trusting(firstDer).send(HttpRequest.newBuilder(claimPage).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static String fingerprint(byte[] der) throws Exception {
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(der)).toUpperCase(Locale.ROOT);
    }

    /** A client that trusts exactly this certificate (and checks the host name against it). */
    static HttpClient trusting(byte[] der) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("setup-page", x509(der));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}
