package network.mask.node.telemetrylink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.telemetry.MqttSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mqtt.* keys reach the telemetry: TLS files, topic prefix, one default interval (operator-parity §5 D4-D6). */
class TelemetrySettingsTest {

    @TempDir
    Path dir;

    @Test
    void tlsFilesAndTopicPrefixFromTheConfigFile() throws Exception {
        NodeConfig c = load("""
                [mqtt]
                enabled = true
                url = "ssl://127.0.0.1:8883"
                topic_prefix = "home/mixers"
                ca_file = "/etc/masknode/broker-ca.pem"
                client_certificate = "/etc/masknode/client.pem"
                client_key = "/etc/masknode/client.key"
                """);
        MqttSettings s = TelemetrySettings.fromConfig(c.mqtt(), "node1").orElseThrow();
        assertEquals(Path.of("/etc/masknode/broker-ca.pem"), s.caFile());
        assertEquals(Path.of("/etc/masknode/client.pem"), s.clientCertFile());
        assertEquals(Path.of("/etc/masknode/client.key"), s.clientKeyFile());
        assertEquals("home/mixers", s.topicPrefix());
        assertEquals(Duration.ofSeconds(30), s.interval(), "the config's default interval is the telemetry's");
        assertEquals(MqttSettings.DEFAULT_INTERVAL, s.interval());
    }

    @Test
    void withoutTlsFilesTheSystemTrustIsUsed() throws Exception {
        MqttSettings s = TelemetrySettings.fromConfig(load("[mqtt]\nenabled = true\nurl = \"ssl://127.0.0.1:8883\"\n").mqtt(), "node1")
                .orElseThrow();
        assertNull(s.caFile());
        assertEquals("masknode", s.topicPrefix());
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedByName() throws Exception {
        NodeConfig c = load("[mqtt]\nenabled = true\nurl = \"ssl://127.0.0.1:8883\"\nclient_certificate = \"/x.pem\"\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelemetrySettings.fromConfig(c.mqtt(), "node1"));
        assertEquals("MQTT client certificate and client key must be given together", e.getMessage());
    }

    private NodeConfig load(String toml) throws Exception {
        Path file = dir.resolve("masknode.toml");
        Files.writeString(file, toml);
        return ConfigLoader.check(file);
    }
}
