package network.mask.webui.spi;

import java.io.IOException;

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
}
