package network.mask.node.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the MQTT telemetry needs from the node's configuration. Validated on construction so
 * a bad form field or config line fails with a message that names the field; the files named
 * here are only read when connecting, and a missing one is reported as a status, not thrown.
 *
 * @param brokerUrl       {@code tcp://host:port} or {@code ssl://host:port} ({@code mqtt://} and
 *                        {@code mqtts://} are accepted as aliases); the port defaults to 1883 / 8883
 * @param username        broker user, or null for anonymous
 * @param password        broker password, or null; never printed by {@link #toString()}
 * @param caFile          PEM file of the CA(s) that signed the broker's certificate, or null for
 *                        the JVM's default trust store
 * @param clientCertFile  PEM client certificate chain for mutual TLS, or null
 * @param clientKeyFile   PEM private key of the client certificate (unencrypted), or null
 * @param discoveryPrefix Home Assistant discovery prefix, default {@value #DEFAULT_DISCOVERY_PREFIX}
 * @param interval        how often the state JSON is published, default 30 s (the config's default too)
 * @param nodeId          stable id of this node in topics and unique ids ({@code [a-zA-Z0-9_-]})
 * @param topicPrefix     first level(s) of the node's own topics, default {@value #DEFAULT_TOPIC_PREFIX}
 */
public record MqttSettings(
        String brokerUrl,
        String username,
        String password,
        Path caFile,
        Path clientCertFile,
        Path clientKeyFile,
        String discoveryPrefix,
        Duration interval,
        String nodeId,
        String topicPrefix) {

    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    public static final String DEFAULT_TOPIC_PREFIX = "masknode";
    /** One documented default everywhere: this, {@code mqtt.interval} in the config and docs/telemetry-and-api.md. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[^+#\\u0000]{1,128}");

    public MqttSettings {
        brokerUrl = normalizeUrl(brokerUrl);
        if (username != null && username.isEmpty()) username = null;
        if (password != null && password.isEmpty()) password = null;
        if (password != null && username == null) {
            throw new IllegalArgumentException("MQTT password given without a username");
        }
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("MQTT client certificate and client key must be given together");
        }
        if (isPlainTcp(brokerUrl) && (caFile != null || clientCertFile != null)) {
            throw new IllegalArgumentException("MQTT TLS files given but the broker URL is not ssl:// or mqtts://");
        }
        discoveryPrefix = discoveryPrefix == null || discoveryPrefix.isBlank() ? DEFAULT_DISCOVERY_PREFIX : discoveryPrefix.strip();
        if (!PREFIX.matcher(discoveryPrefix).matches() || discoveryPrefix.startsWith("/") || discoveryPrefix.endsWith("/")) {
            throw new IllegalArgumentException("MQTT discovery prefix must be a topic without wildcards or leading/trailing '/': "
                    + discoveryPrefix);
        }
        topicPrefix = topicPrefix == null || topicPrefix.isBlank() ? DEFAULT_TOPIC_PREFIX : topicPrefix.strip();
        if (!PREFIX.matcher(topicPrefix).matches() || topicPrefix.startsWith("/") || topicPrefix.endsWith("/")) {
            throw new IllegalArgumentException("MQTT topic prefix must be a topic without wildcards or leading/trailing '/': "
                    + topicPrefix);
        }
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("MQTT state interval must be between 1 s and 1 h, got " + interval);
        }
        Objects.requireNonNull(nodeId, "nodeId");
        if (!ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("MQTT node id may only use letters, digits, '_' and '-' (1-64): " + nodeId);
        }
    }

    /** Anonymous, plain settings with every default; refine with the {@code with...} methods. */
    public static MqttSettings of(String brokerUrl, String nodeId) {
        return new MqttSettings(brokerUrl, null, null, null, null, null, null, null, nodeId, null);
    }

    public MqttSettings withCredentials(String user, String pass) {
        return new MqttSettings(brokerUrl, user, pass, caFile, clientCertFile, clientKeyFile, discoveryPrefix, interval, nodeId, topicPrefix);
    }

    public MqttSettings withTls(Path ca, Path clientCert, Path clientKey) {
        return new MqttSettings(brokerUrl, username, password, ca, clientCert, clientKey, discoveryPrefix, interval, nodeId, topicPrefix);
    }

    public MqttSettings withDiscoveryPrefix(String prefix) {
        return new MqttSettings(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, prefix, interval, nodeId, topicPrefix);
    }

    public MqttSettings withInterval(Duration every) {
        return new MqttSettings(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, discoveryPrefix, every, nodeId, topicPrefix);
    }

    public MqttSettings withNodeId(String id) {
        return new MqttSettings(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, discoveryPrefix, interval, id, topicPrefix);
    }

    public MqttSettings withTopicPrefix(String prefix) {
        return new MqttSettings(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, discoveryPrefix, interval, nodeId, prefix);
    }

    public boolean usesTls() {
        return brokerUrl.startsWith("ssl://");
    }

    public Optional<Path> ca() {
        return Optional.ofNullable(caFile);
    }

    @Override
    public String toString() {
        return "MqttSettings[brokerUrl=" + brokerUrl + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", caFile=" + caFile
                + ", clientCertFile=" + clientCertFile + ", clientKeyFile=" + clientKeyFile
                + ", discoveryPrefix=" + discoveryPrefix + ", interval=" + interval + ", nodeId=" + nodeId + ", topicPrefix=" + topicPrefix + "]";
    }

    private static boolean isPlainTcp(String url) {
        return url.startsWith("tcp://");
    }

    /** Paho only knows tcp:// and ssl://, and wants a port: accept the common aliases and fill it in. */
    static String normalizeUrl(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("MQTT broker URL is empty");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MQTT broker URL is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String paho = switch (scheme) {
            case "tcp", "mqtt" -> "tcp";
            case "ssl", "mqtts", "tls" -> "ssl";
            default -> throw new IllegalArgumentException(
                    "MQTT broker URL must start with tcp://, mqtt://, ssl:// or mqtts://: " + url);
        };
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("MQTT broker URL has no host: " + url);
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("put the MQTT username and password in their own fields, not in the URL");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("MQTT broker URL must not have a path: " + url);
        }
        int port = uri.getPort() == -1 ? (paho.equals("ssl") ? 8883 : 1883) : uri.getPort();
        if (port < 1 || port > 65535) throw new IllegalArgumentException("MQTT broker port out of range: " + url);
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return paho + "://" + hostPart + ":" + port;
    }
}
