package network.mask.node.telemetry;

import java.util.function.Consumer;

/**
 * The MQTT client as the telemetry uses it: our own small port, so the Paho client (unmaintained
 * since 1.2.5) can be swapped without touching discovery, state or reconnect logic. Used from one
 * thread only (the telemetry worker); callbacks may arrive on the client's own threads and must
 * only hand work over.
 */
public interface TelemetryPublisher extends AutoCloseable {

    /**
     * Opens a clean session with {@code will} registered as the Last Will, blocking up to the
     * client's connect timeout. Any previous connection is dropped first.
     *
     * @param onConnectionLost called (on a client thread) when an established connection drops
     */
    void connect(MqttSettings settings, String clientId, OutboundMessage will, Runnable onConnectionLost)
            throws PublisherException;

    /** Sends one message and waits for the broker's acknowledgement (QoS 1) or the write (QoS 0). */
    void publish(OutboundMessage message) throws PublisherException;

    /** Subscribes at QoS 1; {@code listener} runs on a client thread and must not block or publish. */
    void subscribe(String topicFilter, Consumer<InboundMessage> listener) throws PublisherException;

    boolean isConnected();

    /** Ends the session cleanly: the broker does not publish the will. Never throws. */
    void disconnect();

    /** Releases the client; also drops any connection without a clean DISCONNECT. Never throws. */
    @Override
    void close();
}
