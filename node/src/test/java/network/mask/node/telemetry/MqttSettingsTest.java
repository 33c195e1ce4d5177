package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {

    @Test
    void defaultsAndUrlAliases() {
        MqttSettings s = MqttSettings.of("mqtt://broker.lan", "node1");
        assertEquals("tcp://broker.lan:1883", s.brokerUrl());
        assertEquals("homeassistant", s.discoveryPrefix());
        assertEquals(Duration.ofSeconds(30), s.interval());   // the config's default too
        assertFalse(s.usesTls());
        assertEquals("ssl://broker.lan:8883", MqttSettings.of("mqtts://broker.lan", "n").brokerUrl());
        assertEquals("ssl://10.0.0.2:8884", MqttSettings.of("ssl://10.0.0.2:8884", "n").brokerUrl());
        assertEquals("tcp://[fd00::1]:1883", MqttSettings.of("tcp://[fd00::1]", "n").brokerUrl());
        assertTrue(MqttSettings.of("mqtts://b", "n").usesTls());
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        assertMessage("broker URL", () -> MqttSettings.of("", "n"));
        assertMessage("must start with", () -> MqttSettings.of("http://broker", "n"));
        assertMessage("no host", () -> MqttSettings.of("tcp://:1883", "n"));
        assertMessage("own fields", () -> MqttSettings.of("tcp://user:pw@broker", "n"));
        assertMessage("node id", () -> MqttSettings.of("tcp://b", "bad id!"));
        assertMessage("discovery prefix", () -> MqttSettings.of("tcp://b", "n").withDiscoveryPrefix("home/#"));
        assertMessage("discovery prefix", () -> MqttSettings.of("tcp://b", "n").withDiscoveryPrefix("/ha"));
        assertMessage("interval", () -> MqttSettings.of("tcp://b", "n").withInterval(Duration.ofMillis(10)));
        assertMessage("without a username", () -> MqttSettings.of("tcp://b", "n").withCredentials(null, "pw"));
        assertMessage("together", () -> MqttSettings.of("ssl://b", "n").withTls(null, Path.of("c.pem"), null));
        assertMessage("not ssl", () -> MqttSettings.of("tcp://b", "n").withTls(Path.of("ca.pem"), null, null));
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        String text = MqttSettings.of("tcp://b", "n").withCredentials("user", "hunter2-secret").toString();
        assertFalse(text.contains("hunter2-secret"), text);
        assertTrue(text.contains("***"));
    }

    private static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
