package network.mask.node.telemetry;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The test's own MQTT client, playing Home Assistant: subscribes and records what arrives. */
public final class TopicRecorder implements AutoCloseable {

    public record Received(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final LinkedBlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> all = new ArrayList<>();

    public TopicRecorder(String brokerUrl, String... filters) throws MqttException {
        client = new MqttClient(brokerUrl, "recorder-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        client.connect(options);
        for (String filter : filters) {
            client.subscribe(filter, 1, (topic, msg) -> queue.add(
                    new Received(topic, new String(msg.getPayload(), StandardCharsets.UTF_8), msg.isRetained())));
        }
    }

    /** Waits for the next message matching {@code test}, keeping the ones skipped on the way. */
    public Received await(Duration timeout, String what, Predicate<Received> test) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) return fail("timed out after " + timeout + " waiting for " + what + "; received: " + all);
            all.add(r);
            if (test.test(r)) return r;
        }
    }

    public Received awaitOn(String topic, Duration timeout) throws InterruptedException {
        return await(timeout, "a message on " + topic, r -> r.topic().equals(topic));
    }

    public Received awaitPayload(String topic, String payload, Duration timeout) throws InterruptedException {
        return await(timeout, "'" + payload + "' on " + topic, r -> r.topic().equals(topic) && r.payload().equals(payload));
    }

    void publish(String topic, String payload, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m);
    }

    /** Everything seen so far (awaited or skipped). */
    public List<Received> seen() {
        return List.copyOf(all);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) client.disconnect(1_000);
        client.close(true);
    }
}
