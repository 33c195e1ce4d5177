package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import network.mask.node.telemetry.MosquittoBroker;
import network.mask.node.telemetry.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's process-level check: {@code masknode run --dev ... --mqtt tcp://127.0.0.1:PORT}
 * against a live Mosquitto publishes the Home Assistant discovery config (retained) and
 * {@code online} within 30 s of being started, and after kill -9 the broker publishes its Last
 * Will: {@code offline}, retained.
 */
class MqttRunAcceptanceTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Pattern DEVICE_CONFIG = Pattern.compile("homeassistant/device/([^/]+)/config");

    @TempDir
    Path dir;

    @Test
    void publishesDiscoveryAndOnlineWithin30SecondsAndItsWillSaysOfflineAfterKill9() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(Files.createDirectories(dir.resolve("broker")));
             TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            long started = System.nanoTime();
            try (DevNodeProcess node = DevNodeProcess.start("run-dev-mqtt", dir.resolve("data"), "--mqtt", broker.tcpUrl())) {
                // Discovery and "online" may come in either order; wait for both.
                String[] discovery = new String[3];   // topic, payload, availability topic it names
                Set<String> online = new HashSet<>();
                Duration left = WITHIN.minusNanos(System.nanoTime() - started);
                ha.await(left, "the discovery config and 'online' from the node", r -> {
                    if (DEVICE_CONFIG.matcher(r.topic()).matches() && !r.payload().isEmpty()) {
                        discovery[0] = r.topic();
                        discovery[1] = r.payload();
                        discovery[2] = availabilityTopic(r.payload());
                    }
                    if (r.payload().equals("online")) online.add(r.topic());
                    return discovery[0] != null && online.contains(discovery[2]);
                });
                String availability = discovery[2];
                assertTrue(node.isAlive());

                // Both are retained: Home Assistant starting later still sees the node.
                try (TopicRecorder late = new TopicRecorder(broker.tcpUrl(), discovery[0], availability)) {
                    TopicRecorder.Received config = late.awaitOn(discovery[0], WITHIN);
                    assertTrue(config.retained(), "the discovery config is retained");
                    assertEquals(discovery[1], config.payload());
                    TopicRecorder.Received status = late.awaitOn(availability, WITHIN);
                    assertTrue(status.retained(), "availability is retained");
                    assertEquals("online", status.payload());
                }

                node.killHard();   // SIGKILL: no shutdown hook, no clean DISCONNECT, so the broker sends the will
                assertFalse(node.isAlive());
                ha.awaitPayload(availability, "offline", WITHIN);
                try (TopicRecorder late = new TopicRecorder(broker.tcpUrl(), availability)) {
                    TopicRecorder.Received will = late.awaitOn(availability, WITHIN);
                    assertTrue(will.retained(), "the will is retained");
                    assertEquals("offline", will.payload());
                }
            }
        }
    }

    /** The availability topic the discovery config names ({@code avty_t}), checked to be the node's own. */
    private static String availabilityTopic(String discoveryJson) {
        JsonObject doc = Json.createReader(new StringReader(discoveryJson)).readObject();
        if (!doc.containsKey("avty_t")) return fail("discovery config without avty_t: " + discoveryJson);
        assertTrue(doc.containsKey("dev") && doc.containsKey("o") && doc.containsKey("cmps"),
                "device-based discovery has dev, o and cmps: " + discoveryJson);
        String topic = doc.getString("avty_t");
        assertTrue(topic.matches("masknode/[^/+#]+/availability"), topic);
        return topic;
    }
}
