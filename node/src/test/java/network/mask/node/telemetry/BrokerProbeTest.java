package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.node.config.NodeConfig;
import network.mask.node.setuppage.BrokerProbe;
import network.mask.webui.spi.MqttTester.Problem;
import network.mask.webui.spi.MqttTester.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup page's broker test against real Mosquitto listeners: each way it fails is sorted into
 * the problem the page explains, and a TLS test uses the config's CA file as the telemetry does.
 * (In this package for the test broker and certificates; {@link BrokerProbe} lives in setuppage.)
 */
@Timeout(120)
class BrokerProbeTest {

    @TempDir
    Path dir;

    private MosquittoBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) broker.close();
    }

    private static NodeConfig.Mqtt savedTls(Path ca, Path cert, Path key) {
        return new NodeConfig.Mqtt(true, "", "", "", true, "masknode", "homeassistant", Duration.ofSeconds(30),
                ca == null ? "" : ca.toString(), cert == null ? "" : cert.toString(), key == null ? "" : key.toString());
    }

    private static Result test(NodeConfig.Mqtt saved, String url, String user, String password) {
        return new BrokerProbe("probe-test", () -> saved).test(
                new network.mask.webui.spi.MqttSettings(url, user, password, url.startsWith("ssl://")));
    }

    private static void assertProblem(Problem expected, Result r) {
        assertEquals(expected, r.problem(), r.toString());
    }

    @Test
    void aPlainBrokerConnectsAndTlsOnItsPortIsNamedAsSuch() throws Exception {
        broker = MosquittoBroker.start(dir);
        Result ok = test(savedTls(null, null, null), broker.tcpUrl(), "", "");
        assertTrue(ok.ok(), ok.toString());
        assertProblem(Problem.PORT_WITHOUT_TLS, test(savedTls(null, null, null), "ssl://127.0.0.1:" + broker.port(), "", ""));
    }

    @Test
    void aTlsBrokerIsTestedWithTheSavedCaFile() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "probe");
        broker = MosquittoBroker.start(dir, List.of("allow_anonymous true", "cafile " + certs.caCert,
                "certfile " + certs.serverCert, "keyfile " + certs.serverKey, "require_certificate false"));
        Result ok = test(savedTls(certs.caCert, null, null), broker.sslUrl(), "", "");
        assertTrue(ok.ok(), "the saved CA file is trusted: " + ok);
        assertProblem(Problem.CERTIFICATE_REFUSED, test(savedTls(null, null, null), broker.sslUrl(), "", ""));
        assertProblem(Problem.CLOSED_AT_ONCE, test(savedTls(certs.caCert, null, null), broker.tcpUrl(), "", ""));
        Result missing = test(savedTls(dir.resolve("no-such-ca.pem"), null, null), broker.sslUrl(), "", "");
        assertProblem(Problem.SETTINGS, missing);
        assertTrue(missing.message().contains("no-such-ca.pem"), missing.message());
    }

    @Test
    void aBrokerWantingAClientCertificateGetsTheSavedOne() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "mutual");
        broker = MosquittoBroker.start(dir, List.of("allow_anonymous true", "cafile " + certs.caCert,
                "certfile " + certs.serverCert, "keyfile " + certs.serverKey, "require_certificate true"));
        assertProblem(Problem.CERTIFICATE_REFUSED, test(savedTls(certs.caCert, null, null), broker.sslUrl(), "", ""));
        Result ok = test(savedTls(certs.caCert, certs.clientCert, certs.clientKey), broker.sslUrl(), "", "");
        assertTrue(ok.ok(), ok.toString());
    }

    @Test
    void aWrongPasswordAndAClosedPortAreToldApart() throws Exception {
        Path passwords = dir.resolve("passwd");
        Process p = new ProcessBuilder(MosquittoBroker.passwdBinary(), "-c", "-b", passwords.toString(), "node", "s3cret-pass")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mosquitto_passwd failed");
        broker = MosquittoBroker.start(dir, List.of("allow_anonymous false", "password_file " + passwords));
        assertProblem(Problem.LOGIN_REFUSED, test(savedTls(null, null, null), broker.tcpUrl(), "node", "wrong"));
        assertTrue(test(savedTls(null, null, null), broker.tcpUrl(), "node", "s3cret-pass").ok());
        int closed = MosquittoBroker.freePort();
        assertProblem(Problem.NOTHING_LISTENING, test(savedTls(null, null, null), "tcp://127.0.0.1:" + closed, "", ""));
    }
}
