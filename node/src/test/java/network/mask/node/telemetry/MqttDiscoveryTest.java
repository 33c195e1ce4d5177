package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, state, availability and buttons against a real Mosquitto, checked as Home Assistant sees them. */
@Timeout(60)
class MqttDiscoveryTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String NODE = "node-a1";
    static final String CONFIG_TOPIC = "homeassistant/device/" + NODE + "/config";

    @TempDir
    Path dir;

    MosquittoBroker broker;
    TestDoubles.Metrics metrics = new TestDoubles.Metrics();
    TestDoubles.Health health = new TestDoubles.Health();
    TestDoubles.Actions actions = new TestDoubles.Actions();
    MqttTelemetry telemetry;

    @BeforeEach
    void startBroker() throws Exception {
        broker = MosquittoBroker.start(dir);
        metrics.dropped.put("bad_mac", 3L);
    }

    @AfterEach
    void stop() {
        if (telemetry != null) telemetry.close();
        broker.close();
    }

    MqttTelemetry start(MqttTelemetry.Options options) {
        telemetry = new MqttTelemetry(TestDoubles.device(), metrics, health, actions, new PahoTelemetryPublisher(), options);
        telemetry.start();
        telemetry.reconfigure(MqttSettings.of(broker.tcpUrl(), NODE).withInterval(Duration.ofSeconds(1)));
        return telemetry;
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void discoveryConfigFollowsHomeAssistantRulesAndIsRetained() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            start(MqttTelemetry.Options.defaults());
            JsonObject config = json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload());
            JsonObject state = json(ha.awaitOn("masknode/" + NODE + "/state", WAIT).payload());
            HomeAssistantRules.assertDeviceDiscovery(config, state, NODE, TestDoubles.device());

            JsonObject cmps = config.getJsonObject("cmps");
            JsonObject temperature = cmps.getJsonObject("cpu_temperature");
            assertEquals("temperature", temperature.getString("dev_cla"));
            assertEquals("°C", temperature.getString("unit_of_meas"));
            assertEquals("measurement", temperature.getString("stat_cla"));
            assertEquals("data_size", cmps.getJsonObject("memory_used").getString("dev_cla"));
            assertEquals("measurement", cmps.getJsonObject("drop_rate_bad_mac").getString("stat_cla"));
            assertEquals("diagnostic", cmps.getJsonObject("throttled").getString("ent_cat"));
            assertEquals(51.3, state.getJsonNumber("cpu_temperature").doubleValue(), 1e-9);
            assertEquals(512.0, state.getJsonNumber("memory_used").doubleValue(), 1e-9);
            assertEquals(12.5, state.getJsonNumber("memory_used_percent").doubleValue(), 1e-9);
            assertEquals("ON", state.getString("running"));
            assertEquals("0.1.0-test", state.getString("version"));
            assertEquals(metrics.startedAt.getEpochSecond(), java.time.OffsetDateTime.parse(state.getString("started")).toEpochSecond());
            assertEquals(3, config.getJsonObject("cmps").getJsonObject("cpu_temperature").getInt("exp_aft"), "3 x the 1 s interval");
            assertEquals(3, state.getJsonNumber("packets_dropped").longValue());
        }
        // A client that subscribes later (Home Assistant after a restart) gets config, availability and state.
        try (TopicRecorder late = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            TopicRecorder.Received config = late.awaitOn("homeassistant/device/" + NODE + "/config", WAIT);
            assertTrue(config.retained(), "discovery config must be retained");
            TopicRecorder.Received availability = late.awaitOn("masknode/" + NODE + "/availability", WAIT);
            assertTrue(availability.retained(), "availability must be retained");
            assertEquals("online", availability.payload());
            assertTrue(late.awaitOn("masknode/" + NODE + "/state", WAIT).retained(), "state is retained");
        }
    }

    @Test
    void stateFollowsTheCountersEveryInterval() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "masknode/" + NODE + "/state")) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitOn("masknode/" + NODE + "/state", WAIT);
            metrics.received = 1_000;
            metrics.forwarded = 990;
            metrics.replays = 2;
            JsonObject state = json(ha.await(WAIT, "a state with the new counters",
                    r -> json(r.payload()).getJsonNumber("packets_received").longValue() == 1_000).payload());
            assertEquals(990, state.getJsonNumber("packets_forwarded").longValue());
            assertEquals(2, state.getJsonNumber("replays_rejected").longValue());
            assertEquals(7, state.getInt("inbound_peers"));
            assertEquals(11, state.getInt("outbound_peers"));
            assertEquals(5, state.getInt("egress_queue"));
            metrics.received = 2_000;
            JsonObject later = json(ha.await(WAIT, "the next interval's state",
                    r -> json(r.payload()).getJsonNumber("packets_received").longValue() == 2_000).payload());
            assertTrue(later.getJsonNumber("receive_rate").doubleValue() > 0, "a rising counter gives a positive rate");
        }
    }

    @Test
    void homeAssistantComingOnlineGetsDiscoveryAgain() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), CONFIG_TOPIC)) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitOn(CONFIG_TOPIC, WAIT);
            int before = ha.seen().size();
            ha.publish("homeassistant/status", "offline", false);
            ha.publish("homeassistant/status", "online", false);
            ha.awaitOn(CONFIG_TOPIC, WAIT);
            assertEquals(before + 1, ha.seen().size());
        }
    }

    @Test
    void buttonsActThroughNodeActionsAndRetainedPressesAreIgnored() throws Exception {
        String restart = "masknode/" + NODE + "/command/restart";
        String identify = "masknode/" + NODE + "/command/identify";
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "masknode/" + NODE + "/availability")) {
            ha.publish(restart, "PRESS", true);   // a stale retained press, delivered again on every subscribe
            start(MqttTelemetry.Options.defaults());
            ha.awaitPayload("masknode/" + NODE + "/availability", "online", WAIT);
            awaitConnected();
            eventually(() -> telemetry.rejectedCommands() == 1, "the retained press rejected");
            assertEquals(0, actions.restarted.get(), "a retained press must never restart the node");
            ha.publish(restart, "", true);         // clear it; the empty payload is rejected too
            eventually(() -> telemetry.rejectedCommands() == 2, "empty payload rejected");

            ha.publish(identify, "PRESS", false);
            eventually(() -> actions.identified.get() == 1, "identify called");
            ha.publish(identify, "press me", false);
            ha.publish("masknode/" + NODE + "/command/selfdestruct", "PRESS", false);
            eventually(() -> telemetry.rejectedCommands() == 4, "wrong payload and unknown command rejected");
            ha.publish(restart, "PRESS", false);
            eventually(() -> actions.restarted.get() == 1, "restart called");
            ha.publish(restart, "PRESS", false);   // within the cooldown
            eventually(() -> telemetry.rejectedCommands() == 5, "second restart refused");
            assertEquals(1, actions.restarted.get());
            assertEquals(1, actions.identified.get());
        }
    }

    @Test
    void anEntityThatGoesAwayIsRemovedFromTheDevice() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), CONFIG_TOPIC)) {
            start(MqttTelemetry.Options.defaults().withHealthMissesBeforeRemoval(2));
            assertTrue(json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload()).getJsonObject("cmps").containsKey("cpu_temperature"));
            health.reading.set(TestDoubles.Health.withoutTemperature());
            JsonObject removal = json(ha.await(WAIT, "a config removing cpu_temperature",
                    r -> json(r.payload()).getJsonObject("cmps").getJsonObject("cpu_temperature").size() == 1).payload());
            assertEquals(Json.createObjectBuilder().add("p", "sensor").build(),
                    removal.getJsonObject("cmps").getJsonObject("cpu_temperature"));
            JsonObject clean = json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload());
            assertFalse(clean.getJsonObject("cmps").containsKey("cpu_temperature"), "removed for good afterwards");
            assertTrue(clean.getJsonObject("cmps").containsKey("memory_used"), "other health entities stay");
        }
    }

    @Test
    void newDropReasonAddsAnEntity() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), CONFIG_TOPIC)) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitOn(CONFIG_TOPIC, WAIT);
            metrics.dropped.put("egress_queue_full", 1L);
            JsonObject config = json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload());
            assertTrue(config.getJsonObject("cmps").containsKey("drop_rate_egress_queue_full"));
        }
    }

    @Test
    void changingTheNodeIdClearsTheOldDeviceWithoutRestart() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/device/+/config")) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitOn("homeassistant/device/" + NODE + "/config", WAIT);
            telemetry.reconfigure(MqttSettings.of(broker.tcpUrl(), "node-b2").withInterval(Duration.ofSeconds(1)));
            TopicRecorder.Received cleared = ha.awaitOn("homeassistant/device/" + NODE + "/config", WAIT);
            assertEquals("", cleared.payload(), "old device config cleared with an empty payload");
            ha.awaitOn("homeassistant/device/node-b2/config", WAIT);
        }
        try (TopicRecorder late = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            late.awaitPayload("masknode/node-b2/availability", "online", WAIT);
            assertTrue(late.seen().stream().noneMatch(r -> r.topic().contains(NODE)), "nothing retained under the old id");
        }
    }

    @Test
    void closePublishesOfflineAndMixingOff() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "masknode/#")) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitPayload("masknode/" + NODE + "/availability", "online", WAIT);
            telemetry.close();
            JsonObject last = json(ha.await(WAIT, "a final state", r -> r.topic().endsWith("/state")
                    && json(r.payload()).getString("running").equals("OFF")).payload());
            assertEquals("OFF", last.getString("running"));
            ha.awaitPayload("masknode/" + NODE + "/availability", "offline", WAIT);
            assertEquals(TelemetryState.STOPPED, telemetry.status().state());
        }
    }

    @Test
    void theStartTimeStaysTheSameFromOneStateToTheNext() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "masknode/" + NODE + "/state")) {
            start(MqttTelemetry.Options.defaults());
            String first = json(ha.awaitOn("masknode/" + NODE + "/state", WAIT).payload()).getString("started");
            metrics.received = 5;
            JsonObject later = json(ha.await(WAIT, "a later state", r -> json(r.payload()).getJsonNumber("packets_received").longValue() == 5).payload());
            assertEquals(first, later.getString("started"), "Home Assistant records no new state for it");
        }
    }

    @Test
    void theTopicPrefixIsHonoured() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "home/mixers/#", "masknode/#")) {
            telemetry = new MqttTelemetry(TestDoubles.device(), metrics, health, actions, new PahoTelemetryPublisher(),
                    MqttTelemetry.Options.defaults());
            telemetry.start();
            telemetry.reconfigure(MqttSettings.of(broker.tcpUrl(), NODE).withTopicPrefix("home/mixers").withInterval(Duration.ofSeconds(1)));
            JsonObject config = json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload());
            ha.awaitPayload("home/mixers/" + NODE + "/availability", "online", WAIT);
            JsonObject state = json(ha.awaitOn("home/mixers/" + NODE + "/state", WAIT).payload());
            HomeAssistantRules.assertDeviceDiscovery(config, state, NODE, TestDoubles.device(), "home/mixers");
            ha.publish("home/mixers/" + NODE + "/command/identify", "PRESS", false);
            eventually(() -> actions.identified.get() == 1, "identify through the prefixed command topic");
            assertTrue(ha.seen().stream().noneMatch(r -> r.topic().startsWith("masknode/")), "nothing under the default prefix");
        }
    }

    @Test
    void turningMqttOffRemovesTheDeviceFromTheBroker() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitPayload("masknode/" + NODE + "/availability", "online", WAIT);
            ha.awaitOn("masknode/" + NODE + "/state", WAIT);
            telemetry.disable();
            ha.awaitPayload(CONFIG_TOPIC, "", WAIT);
            ha.awaitPayload("masknode/" + NODE + "/state", "", WAIT);
            ha.awaitPayload("masknode/" + NODE + "/availability", "", WAIT);
            eventually(() -> telemetry.status().state() == TelemetryState.DISABLED, "DISABLED");
        }
        assertNothingRetained();
    }

    @Test
    void forgettingTheDeviceBeforeAFactoryResetLeavesNothingRetained() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "masknode/#")) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitPayload("masknode/" + NODE + "/availability", "online", WAIT);
        }
        assertTrue(telemetry.forgetDevice(Duration.ofSeconds(10)), "the broker was told to forget the device");
        assertEquals(TelemetryState.DISABLED, telemetry.status().state());
        assertNothingRetained();
    }

    @Test
    void theNetworksViewIsReportedAsEntitiesOfTheirOwn() throws Exception {
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            start(MqttTelemetry.Options.defaults());
            ha.awaitOn(CONFIG_TOPIC, WAIT);
            java.util.concurrent.atomic.AtomicReference<NetworkReading> reading = new java.util.concurrent.atomic.AtomicReference<>(NetworkReading.UNKNOWN);
            telemetry.reportNetwork(reading::get);
            JsonObject config = json(ha.await(WAIT, "a config with the network entities",
                    r -> r.topic().equals(CONFIG_TOPIC) && json(r.payload()).getJsonObject("cmps").containsKey("described")).payload());
            JsonObject unknown = json(ha.await(WAIT, "a state with the network unknown",
                    r -> r.topic().endsWith("/state") && json(r.payload()).containsKey("described")).payload());
            HomeAssistantRules.assertDeviceDiscovery(config, unknown, NODE, TestDoubles.device());
            assertEquals(jakarta.json.JsonValue.NULL, unknown.get("described"), "unknown is unknown, not 'not described'");
            reading.set(new NetworkReading(java.util.Optional.of(true),
                    java.util.Optional.of("mixing, layer 2"), java.util.OptionalDouble.of(97.4), java.util.OptionalDouble.of(1.234)));
            JsonObject known = json(ha.await(WAIT, "a state with the network known",
                    r -> r.topic().endsWith("/state") && "ON".equals(json(r.payload()).getString("described", ""))).payload());
            HomeAssistantRules.assertDeviceDiscovery(config, known, NODE, TestDoubles.device());
            assertEquals("mixing, layer 2", known.getString("role"));
            assertEquals(97, known.getJsonNumber("performance").intValue());
            assertEquals(1.23, known.getJsonNumber("rewards_per_day").doubleValue(), 1e-9);
            assertFalse(known.containsKey("network_status"), "the status model's 'state' is the one status entity");
            JsonObject cmps = config.getJsonObject("cmps");
            assertEquals("%", cmps.getJsonObject("performance").getString("unit_of_meas"));
            assertEquals("NYM", cmps.getJsonObject("rewards_per_day").getString("unit_of_meas"));
        }
    }

    /** A client subscribing now (Home Assistant after a restart) finds no trace of the device. */
    void assertNothingRetained() throws Exception {
        try (TopicRecorder late = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            // A marker published after subscribing: once it is back, every retained message would have arrived before it.
            late.publish("masknode/marker", "end", false);
            late.awaitPayload("masknode/marker", "end", WAIT);
            assertEquals(java.util.List.of("masknode/marker"), late.seen().stream().map(TopicRecorder.Received::topic).toList(),
                    "no retained discovery, state or availability left");
        }
    }

    void awaitConnected() {
        eventually(() -> telemetry.status().state() == TelemetryState.CONNECTED, "CONNECTED");
    }

    void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what + "; status " + telemetry.status());
            MosquittoBroker.sleep(20);
        }
    }
}
