package network.mask.node.telemetry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@link TelemetryPublisher} on Eclipse Paho MQTT v3 1.2.5. Paho's own reconnect stays off (it
 * defaults to off, and we set it explicitly): the telemetry worker owns reconnects so it can back
 * off with jitter, re-send discovery and report each failure. Sessions are clean and kept in
 * memory: Paho's default file persistence would write into the working directory.
 */
public final class PahoTelemetryPublisher implements TelemetryPublisher {

    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int KEEP_ALIVE_SECONDS = 30;          // Home Assistant asks for at least 15 s
    static final long OPERATION_TIMEOUT_MILLIS = 10_000;

    /**
     * Largest MQTT packet the node reads from the broker. It only subscribes to Home Assistant's
     * status ("online"/"offline") and its own command topics, whose payloads are a few bytes.
     */
    static final int MAX_INBOUND_PACKET_BYTES = 64 * 1024;

    private volatile MqttClient client;
    private final java.util.concurrent.atomic.AtomicLong oversized = new java.util.concurrent.atomic.AtomicLong();

    private final Runnable onOversized;

    public PahoTelemetryPublisher() {
        this(() -> { });
    }

    /** @param onOversized called for each message refused for its size (the node counts it as an event) */
    public PahoTelemetryPublisher(Runnable onOversized) {
        this.onOversized = onOversized;
    }

    /** Messages refused for their size since start (each one cost a reconnect). */
    public long oversizedMessages() {
        return oversized.get();
    }

    /** {@code ssl://h:p} becomes {@code tcp://h:p}: TLS is layered by {@link BoundedMqttSockets}. */
    static String plainScheme(String brokerUrl) {
        return brokerUrl.startsWith("ssl://") ? "tcp://" + brokerUrl.substring("ssl://".length()) : brokerUrl;
    }

    @Override
    public void connect(MqttSettings settings, String clientId, OutboundMessage will, Runnable onConnectionLost)
            throws PublisherException {
        close();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setWill(will.topic(), will.payloadBytes(), will.qos(), will.retained());
        if (settings.username() != null) options.setUserName(settings.username());
        if (settings.password() != null) options.setPassword(settings.password().toCharArray());
        // Our sockets bound every inbound MQTT packet (and layer TLS themselves, verifying the host name).
        options.setSocketFactory(new BoundedMqttSockets(MAX_INBOUND_PACKET_BYTES,
                settings.usesTls() ? TlsContexts.socketFactory(settings) : null, () -> {
                    oversized.incrementAndGet();
                    onOversized.run();
                }));
        MqttClient fresh;
        try {
            fresh = new MqttClient(plainScheme(settings.brokerUrl()), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new PublisherException(TelemetryState.CONFIG_INVALID, "MQTT client cannot be created: " + e.getMessage(), e);
        }
        fresh.setTimeToWait(OPERATION_TIMEOUT_MILLIS);
        fresh.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                onConnectionLost.run();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // subscriptions carry their own listeners
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            fresh.connect(options);
        } catch (MqttException e) {
            closeQuietly(fresh);
            throw classify(e, settings);
        }
        client = fresh;
    }

    @Override
    public void publish(OutboundMessage message) throws PublisherException {
        MqttClient c = requireClient();
        try {
            c.publish(message.topic(), message.payloadBytes(), message.qos(), message.retained());
        } catch (MqttException e) {
            throw new PublisherException(TelemetryState.CONNECTING, "publish failed: " + describe(e), e);
        }
    }

    @Override
    public void subscribe(String topicFilter, Consumer<InboundMessage> listener) throws PublisherException {
        MqttClient c = requireClient();
        try {
            c.subscribe(topicFilter, 1, (topic, msg) -> listener.accept(
                    new InboundMessage(topic, new String(msg.getPayload(), StandardCharsets.UTF_8), msg.isRetained())));
        } catch (MqttException e) {
            throw new PublisherException(TelemetryState.CONNECTING, "subscribe to " + topicFilter + " failed: " + describe(e), e);
        }
    }

    @Override
    public boolean isConnected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public void disconnect() {
        MqttClient c = client;
        if (c == null) return;
        try {
            if (c.isConnected()) c.disconnect(2_000);
        } catch (MqttException ignored) {
            // a clean goodbye is best effort; close() below drops the socket either way
        }
        close();
    }

    @Override
    public void close() {
        MqttClient c = client;
        client = null;
        if (c != null) closeQuietly(c);
    }

    private MqttClient requireClient() throws PublisherException {
        MqttClient c = client;
        if (c == null || !c.isConnected()) throw new PublisherException(TelemetryState.CONNECTING, "not connected", null);
        return c;
    }

    private static void closeQuietly(MqttClient c) {
        try {
            if (c.isConnected()) c.disconnectForcibly(0, 1_000);
        } catch (MqttException ignored) {
            // already gone
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
    }

    /** Maps a failed connect to what the owner must fix; messages name the broker, never a secret. */
    static PublisherException classify(MqttException e, MqttSettings settings) {
        String broker = settings.brokerUrl();
        int code = e.getReasonCode();
        if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
            return new PublisherException(TelemetryState.AUTH_FAILED,
                    "broker " + broker + " refused the login (check username and password)", e);
        }
        if (code == MqttException.REASON_CODE_INVALID_CLIENT_ID || code == MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION) {
            return new PublisherException(TelemetryState.CONFIG_INVALID, "broker " + broker + " refused the session: " + describe(e), e);
        }
        if (code == MqttException.REASON_CODE_BROKER_UNAVAILABLE) {
            return new PublisherException(TelemetryState.UNREACHABLE, "broker " + broker + " says it is unavailable", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new PublisherException(TelemetryState.UNREACHABLE, "unknown broker host in " + broker, e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new PublisherException(TelemetryState.UNREACHABLE, "cannot connect to " + broker + ": " + t.getMessage(), e);
            }
            if (t instanceof SocketTimeoutException) {
                return new PublisherException(TelemetryState.UNREACHABLE, "no answer from " + broker, e);
            }
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new PublisherException(TelemetryState.TLS_FAILED,
                        "TLS with " + broker + " failed (check the CA file, the broker's host name and the client certificate): "
                                + t.getMessage(), e);
            }
        }
        if (code == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
            return new PublisherException(TelemetryState.UNREACHABLE, "no answer from " + broker, e);
        }
        return new PublisherException(TelemetryState.UNREACHABLE, "cannot connect to " + broker + ": " + describe(e), e);
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return cause == null ? e.getMessage() + " (" + e.getReasonCode() + ")" : e.getMessage() + ": " + cause.getMessage();
    }
}
