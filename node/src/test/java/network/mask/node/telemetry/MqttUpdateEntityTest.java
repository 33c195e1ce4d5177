package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The box's own updates as Home Assistant's MQTT {@code update} entity, against a real Mosquitto. */
@Timeout(60)
class MqttUpdateEntityTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String NODE = "node-u1";
    static final String CONFIG_TOPIC = "homeassistant/device/" + NODE + "/config";
    static final String STATE_TOPIC = "masknode/" + NODE + "/state";

    @TempDir
    Path dir;

    MosquittoBroker broker;
    MqttTelemetry telemetry;
    final AtomicReference<Optional<FirmwareUpdates.Info>> info = new AtomicReference<>(Optional.of(
            new FirmwareUpdates.Info("0.1.0", "0.2.0", "Mask Node", "Faster start.", "https://example.org/r/0.2.0", false)));
    final AtomicInteger installs = new AtomicInteger();

    @BeforeEach
    void startBroker() throws Exception {
        broker = MosquittoBroker.start(dir);
    }

    @AfterEach
    void stop() {
        if (telemetry != null) telemetry.close();
        broker.close();
    }

    private void start() {
        telemetry = new MqttTelemetry(TestDoubles.device(), new TestDoubles.Metrics(), new TestDoubles.Health(), new TestDoubles.Actions(),
                new PahoTelemetryPublisher(), MqttTelemetry.Options.defaults())
                .withFirmwareUpdates(new FirmwareUpdates() {
                    @Override
                    public Optional<Info> info() {
                        return info.get();
                    }

                    @Override
                    public void install() {
                        installs.incrementAndGet();
                    }
                });
        telemetry.start();
        telemetry.reconfigure(MqttSettings.of(broker.tcpUrl(), NODE).withInterval(Duration.ofSeconds(1)));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what);
            Thread.sleep(20);
        }
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theUpdateEntityFollowsHomeAssistantsRulesAndInstallRecordsTheWish() throws Exception {
        String install = "masknode/" + NODE + "/command/install_update";
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            ha.publish(install, "PRESS", true);   // a stale retained press, delivered again on every subscribe
            start();
            JsonObject config = json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload());
            JsonObject state = json(ha.awaitOn(STATE_TOPIC, WAIT).payload());
            HomeAssistantRules.assertDeviceDiscovery(config, state, NODE, TestDoubles.device());
            JsonObject firmware = config.getJsonObject("cmps").getJsonObject("firmware");
            assertEquals("update", firmware.getString("p"));
            assertEquals("firmware", firmware.getString("dev_cla"));
            JsonObject fields = state.getJsonObject("firmware");
            assertEquals("0.1.0", fields.getString("installed_version"));
            assertEquals("0.2.0", fields.getString("latest_version"));
            assertEquals("https://example.org/r/0.2.0", fields.getString("release_url"));
            assertEquals("Faster start.", fields.getString("release_summary"));

            assertEquals(install, firmware.getString("cmd_t"));
            awaitTrue(() -> telemetry.rejectedCommands() == 1, "the retained press is rejected");
            assertEquals(0, installs.get(), "a retained press must never install");
            ha.publish(install, "", true);   // clear it (the empty payload is rejected too)
            ha.publish(install, "PRESS", false);
            awaitTrue(() -> installs.get() == 1, "one live press, one install wish");
            assertEquals(1, installs.get());
        }
    }

    @Test
    void aBoxThatCannotUpdateItselfHasNoUpdateEntity() throws Exception {
        info.set(Optional.empty());
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            start();
            JsonObject config = json(ha.awaitOn(CONFIG_TOPIC, WAIT).payload());
            assertFalse(config.getJsonObject("cmps").containsKey("firmware"));
            assertFalse(json(ha.awaitOn(STATE_TOPIC, WAIT).payload()).containsKey("firmware"));
            assertTrue(config.getJsonObject("cmps").containsKey("restart"));
        }
    }
}
