package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The status model's condition reaches Home Assistant as the "Network status" sensor, against a real Mosquitto. */
@Timeout(60)
class StatusStateMqttTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String NODE = "node-s1";

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private MqttTelemetry telemetry;

    @BeforeEach
    void startBroker() throws Exception {
        broker = MosquittoBroker.start(dir);
    }

    @AfterEach
    void stop() {
        if (telemetry != null) telemetry.close();
        broker.close();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theStateSensorFollowsTheStatusModel() throws Exception {
        AtomicReference<String> code = new AtomicReference<>("not-bonded");
        try (TopicRecorder ha = new TopicRecorder(broker.tcpUrl(), "homeassistant/#", "masknode/#")) {
            telemetry = new MqttTelemetry(TestDoubles.device(), new TestDoubles.Metrics(), new TestDoubles.Health(),
                    new TestDoubles.Actions(), new PahoTelemetryPublisher(), MqttTelemetry.Options.defaults());
            telemetry.reportStatus(code::get);
            telemetry.start();
            telemetry.reconfigure(MqttSettings.of(broker.tcpUrl(), NODE).withInterval(Duration.ofSeconds(1)));

            JsonObject sensor = json(ha.awaitOn("homeassistant/device/" + NODE + "/config", WAIT).payload())
                    .getJsonObject("cmps").getJsonObject("state");
            assertEquals("sensor", sensor.getString("p"));
            assertEquals("Network status", sensor.getString("name"));
            assertEquals("{{ value_json.state }}", sensor.getString("val_tpl"));
            assertEquals("not-bonded", json(ha.awaitOn("masknode/" + NODE + "/state", WAIT).payload()).getString("state"));

            code.set("working");
            ha.await(WAIT, "state 'working'", r -> r.topic().equals("masknode/" + NODE + "/state")
                    && json(r.payload()).getString("state").equals("working"));
        }
    }
}
