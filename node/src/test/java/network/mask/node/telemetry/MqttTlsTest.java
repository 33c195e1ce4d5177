package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS to a Mosquitto listener whose certificates the test made with its own CA. */
@Timeout(90)
class MqttTlsTest {

    @TempDir
    Path dir;

    MosquittoBroker broker;
    MqttTelemetry telemetry;

    @AfterEach
    void stop() {
        if (telemetry != null) telemetry.close();
        if (broker != null) broker.close();
    }

    MqttTelemetry telemetry() {
        telemetry = new MqttTelemetry(TestDoubles.device(), new TestDoubles.Metrics(), new TestDoubles.Health(),
                new TestDoubles.Actions(), new PahoTelemetryPublisher(),
                MqttTelemetry.Options.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(500)));
        telemetry.start();
        return telemetry;
    }

    MosquittoBroker tlsBroker(TestCertificates certs, boolean requireClientCertificate) throws Exception {
        return MosquittoBroker.start(dir, List.of(
                "allow_anonymous true",
                "cafile " + certs.caCert,
                "certfile " + certs.serverCert,
                "keyfile " + certs.serverKey,
                "require_certificate " + requireClientCertificate));
    }

    @Test
    void connectsWhenTheBrokerCertificateChainsToTheConfiguredCa() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "good");
        broker = tlsBroker(certs, false);
        MqttTelemetry t = telemetry();
        t.reconfigure(MqttSettings.of(broker.sslUrl(), "tls-1").withTls(certs.caCert, null, null));
        MqttConnectionTest.eventually(t, TelemetryState.CONNECTED);
    }

    @Test
    void anUntrustedBrokerCertificateIsReportedAsTlsFailure() throws Exception {
        TestCertificates brokerCerts = TestCertificates.create(dir, "broker");
        TestCertificates otherCa = TestCertificates.create(dir, "other");
        broker = tlsBroker(brokerCerts, false);
        MqttTelemetry t = telemetry();
        t.reconfigure(MqttSettings.of(broker.sslUrl(), "tls-2").withTls(otherCa.caCert, null, null));
        MqttConnectionTest.eventually(t, TelemetryState.TLS_FAILED);
        assertTrue(t.status().message().contains("CA file"), t.status().message());
    }

    @Test
    void mutualTlsWithAClientCertificate() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "mutual");
        broker = tlsBroker(certs, true);
        MqttTelemetry t = telemetry();
        MqttSettings withoutClientCert = MqttSettings.of(broker.sslUrl(), "tls-3").withTls(certs.caCert, null, null);
        t.reconfigure(withoutClientCert);
        MqttConnectionTest.eventually(() -> t.status().state() != TelemetryState.CONNECTING
                && t.status().state() != TelemetryState.DISABLED, t, "a verdict without a client certificate");
        assertNotEquals(TelemetryState.CONNECTED, t.status().state(), "the broker requires a client certificate");

        t.reconfigure(withoutClientCert.withTls(certs.caCert, certs.clientCert, certs.clientKey));
        MqttConnectionTest.eventually(t, TelemetryState.CONNECTED);
    }

    @Test
    void aMissingCaFileIsAConfigurationProblem() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "cfg");
        broker = tlsBroker(certs, false);
        MqttTelemetry t = telemetry();
        t.reconfigure(MqttSettings.of(broker.sslUrl(), "tls-4").withTls(dir.resolve("missing-ca.pem"), null, null));
        MqttConnectionTest.eventually(t, TelemetryState.CONFIG_INVALID);
        assertEquals(TelemetryState.CONFIG_INVALID, t.status().state());
        assertTrue(t.status().message().contains("missing-ca.pem"), t.status().message());
    }
}
