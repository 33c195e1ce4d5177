package network.mask.webui.spi;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Read and apply the node's settings. The web-ui validates every field before calling
 * {@link #apply}; the node writes its config atomically and applies what it can live.
 */
public interface NodeSettingsStore {

    /** The current settings (defaults with empty strings on a fresh box). */
    NodeSettings read();

    /**
     * Stores and applies already-validated settings.
     *
     * @throws SettingsRefusedException if the node's own rules refuse a value (nothing written)
     * @throws IOException if the settings could not be written
     */
    void apply(NodeSettings validated) throws IOException;

    /**
     * The settings the node runs with now. Ports and the public host are bound and announced at start,
     * so after a change they differ from {@link #read()} until the node restarts.
     */
    default NodeSettings running() {
        return read();
    }

    /**
     * Saved values of further config keys ({@code section.name}) as the config file writes them
     * (booleans {@code true}/{@code false}, durations like {@code 30s}); keys this node does not know
     * are left out, so the page shows a field only where the node has the setting.
     */
    default Map<String, String> readFields(List<String> paths) {
        return Map.of();
    }

    /**
     * Checks {@code values} (config path to text) with the config file's own rules and saves them
     * atomically, all or nothing.
     *
     * @return in plain words, what of it takes effect only after a restart (empty: all applied now)
     * @throws SettingsRefusedException naming the setting the node refuses; nothing written then
     */
    default List<String> applyFields(Map<String, String> values) throws IOException {
        throw new SettingsRefusedException("this node cannot change these settings from the page", null);
    }

    /**
     * Saved changes the running node does not use yet, in plain words (for example
     * "mix port 1790 (listening on 1789 until the restart)"); empty when nothing waits for a restart.
     */
    default List<String> waitingForRestart() {
        return List.of();
    }
}
