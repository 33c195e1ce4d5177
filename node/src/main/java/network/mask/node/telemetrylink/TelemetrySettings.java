package network.mask.node.telemetrylink;

import java.util.Optional;
import network.mask.node.config.NodeConfig;
import network.mask.node.telemetry.MqttSettings;

/** The telemetry package's broker settings, from the config file or from the setup page's form. */
public final class TelemetrySettings {

    /** Length of the node id in MQTT topics: enough of the identity key to be unique in a home or a fleet. */
    static final int NODE_ID_LENGTH = 16;

    private TelemetrySettings() {}

    /** The node id in topics and Home Assistant unique ids: the first 16 characters of the base58 identity key. */
    public static String nodeId(String identityKeyBase58) {
        return identityKeyBase58.substring(0, Math.min(NODE_ID_LENGTH, identityKeyBase58.length()));
    }

    /** Empty when MQTT is off. @throws IllegalArgumentException naming a field the telemetry cannot use */
    public static Optional<MqttSettings> fromConfig(NodeConfig.Mqtt m, String nodeId) {
        if (!m.enabled() || m.url().isEmpty()) return Optional.empty();
        return Optional.of(MqttSettings.of(m.url(), nodeId)
                .withCredentials(m.username(), m.password())
                .withDiscoveryPrefix(m.discoveryPrefix())
                .withTopicPrefix(m.topicPrefix())
                .withTls(path(m.caFile()), path(m.clientCertificate()), path(m.clientKey()))
                .withInterval(m.interval()));
    }

    private static java.nio.file.Path path(String file) {
        return file.isBlank() ? null : java.nio.file.Path.of(file);
    }

    /** {@code form} with the TLS files of the config (CA file, client certificate and key), as the telemetry uses them. */
    public static MqttSettings withSavedTlsFiles(MqttSettings form, NodeConfig.Mqtt saved) {
        return form.withTls(path(saved.caFile()), path(saved.clientCertificate()), path(saved.clientKey()));
    }

    /** The setup page's form (already validated by the web-ui). */
    public static MqttSettings fromForm(network.mask.webui.spi.MqttSettings form, String nodeId) {
        return MqttSettings.of(form.url(), nodeId).withCredentials(form.user(), form.password());
    }
}
