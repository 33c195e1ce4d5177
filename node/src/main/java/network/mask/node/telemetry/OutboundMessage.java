package network.mask.node.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One MQTT message to send. The payload is UTF-8 text (JSON or a plain word); empty clears a retained topic. */
public record OutboundMessage(String topic, String payload, int qos, boolean retained) {

    public OutboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) throw new IllegalArgumentException("qos must be 0, 1 or 2");
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
