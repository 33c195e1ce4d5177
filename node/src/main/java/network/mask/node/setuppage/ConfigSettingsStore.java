package network.mask.node.setuppage;

import java.io.IOException;
import network.mask.board.Board;
import network.mask.node.config.ConfigException;
import network.mask.node.config.ConfigStore;
import network.mask.node.config.NodeConfig;
import network.mask.node.telemetrylink.TelemetryService;
import network.mask.webui.spi.NodeSettings;
import network.mask.webui.spi.NodeSettingsStore;
import network.mask.webui.spi.SettingsRefusedException;

/**
 * The setup page's settings, kept in the node's config file. Applying saves the file atomically
 * first, then applies live what can be: MQTT (reconnects to the new broker), LED brightness and
 * on/off, and the name and description (the public API reads them on every request). Ports and
 * the public host take effect at the next (re)start, because the listeners are bound at start.
 */
public final class ConfigSettingsStore implements NodeSettingsStore {

    private static final System.Logger LOG = System.getLogger(ConfigSettingsStore.class.getName());

    private final ConfigStore store;
    private final TelemetryService telemetry;
    private final Board board;

    public ConfigSettingsStore(ConfigStore store, TelemetryService telemetry, Board board) {
        this.store = store;
        this.telemetry = telemetry;
        this.board = board;
    }

    @Override
    public NodeSettings read() {
        return SettingsMapping.toSettings(store.current());
    }

    @Override
    public void apply(NodeSettings validated) throws IOException {
        NodeConfig before = store.current();
        NodeConfig after = SettingsMapping.apply(before, validated);
        try {
            store.save(after);
        } catch (ConfigException e) {
            throw new SettingsRefusedException(String.join("; ", e.problems()), e);
        }
        if (!before.mqtt().equals(after.mqtt())) telemetry.reconfigure(after);
        board.setBrightness(after.led().brightness() / 100.0);
        board.setLedsEnabled(after.led().enabled());
        LOG.log(System.Logger.Level.INFO, "settings saved to " + store.file()
                + (SettingsMapping.needsRestart(before, after) ? "; the new ports and public host take effect when the node restarts" : ""));
    }
}
