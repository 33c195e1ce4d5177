package network.mask.webui.spi;

import java.io.IOException;
import java.util.Map;

/**
 * The files that make up a backup (keys and config), by relative name such as
 * {@code keys/identity.pem}. The web-ui encrypts and decrypts; the node reads and writes.
 */
public interface BackupFiles {

    /** Current contents of every file worth backing up. */
    Map<String, byte[]> exportFiles() throws IOException;

    /**
     * Replaces files from a decrypted backup. Names were checked by the web-ui (relative, no "..",
     * {@code [A-Za-z0-9._-]} segments); the node still refuses names it does not know and writes atomically.
     */
    void importFiles(Map<String, byte[]> files) throws IOException;
}
