package network.mask.node.setuppage;

import java.util.List;
import java.util.Map;
import network.mask.node.settings.ConfigFieldAccess;
import network.mask.node.settings.RestartPending;

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
    private final NodeConfig running;
    private final ConfigFieldAccess fields;

    /** Built at each start: the store's configuration now is the one the node runs with. */
    public ConfigSettingsStore(ConfigStore store, TelemetryService telemetry, Board board) {
        this.store = store;
        this.telemetry = telemetry;
        this.board = board;
        this.running = store.current();
        this.fields = new ConfigFieldAccess(store);
    }

    @Override
    public NodeSettings running() {
        return SettingsMapping.toSettings(running);
    }

    @Override
    public Map<String, String> readFields(List<String> paths) {
        return fields.read(paths);
    }

    @Override
    public List<String> applyFields(Map<String, String> values) throws IOException {
        NodeConfig before = store.current();
        NodeConfig after = fields.apply(values);
        if (!before.mqtt().equals(after.mqtt())) telemetry.reconfigure(after);
        LOG.log(System.Logger.Level.INFO, "settings saved to " + store.file() + ": " + String.join(", ", values.keySet()));
        return RestartPending.between(before, after);
    }

    @Override
    public List<String> waitingForRestart() {
        return RestartPending.between(running, store.current());
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
