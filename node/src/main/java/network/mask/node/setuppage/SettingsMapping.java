package network.mask.node.setuppage;

import static network.mask.node.config.ConfigSchema.*;

import network.mask.node.config.NodeConfig;
import network.mask.webui.spi.LedSettings;
import network.mask.webui.spi.MqttSettings;
import network.mask.webui.spi.NodeSettings;

/** The setup page's settings as config keys, both ways. */
public final class SettingsMapping {

    private SettingsMapping() {}

    public static NodeSettings toSettings(NodeConfig c) {
        NodeConfig.Mqtt m = c.mqtt();
        MqttSettings mqtt = m.enabled() ? new MqttSettings(m.url(), m.username(), m.password(), m.tls()) : MqttSettings.disabled();
        return new NodeSettings(c.node().name(), c.node().description(), c.mixnet().announceHost(), c.mixnet().port(),
                c.api().port(), c.node().wallet(), mqtt, new LedSettings(c.led().brightness(), c.led().enabled()));
    }

    /** {@code base} with every setting the page controls replaced by {@code s}; everything else kept. */
    public static NodeConfig apply(NodeConfig base, NodeSettings s) {
        MqttSettings m = s.mqtt();
        return base.with(NODE_NAME, s.name())
                .with(NODE_DESCRIPTION, s.description())
                .with(MIX_ANNOUNCE_HOST, s.publicHost())
                .with(MIX_PORT, s.mixPort())
                .with(API_PORT, s.apiPort())
                .with(NODE_WALLET, s.wallet())
                .with(MQTT_ENABLED, m.enabled())
                .with(MQTT_URL, m.url())
                .with(MQTT_USERNAME, m.user())
                .with(MQTT_PASSWORD, m.password())
                .with(MQTT_TLS, m.enabled() && m.tls())
                .with(LED_BRIGHTNESS, s.led().brightnessPercent())
                .with(LED_ENABLED, s.led().on());
    }

    /** Whether a change only takes effect when the node starts again (listeners are bound at start). */
    public static boolean needsRestart(NodeConfig before, NodeConfig after) {
        return before.mixnet().port() != after.mixnet().port()
                || before.api().port() != after.api().port()
                || !before.mixnet().announceHost().equals(after.mixnet().announceHost());
    }
}
