package network.mask.webui.spi;

import java.io.IOException;
import java.util.Map;

/**
 * The files that make up a backup (keys and config), by relative name such as
 * {@code keys/identity.pem}. The web-ui encrypts and decrypts; the node reads and writes.
 */
public interface BackupFiles {

    /**
     * The entry holding the admin password's Argon2id hash. The web-ui checks, before it calls
     * {@link #importFiles}, that this hash is one the box can afford to verify: a crafted one asking
     * for gigabytes would otherwise crash the node at every login.
     */
    String ADMIN_PASSWORD_HASH = "admin/password.argon2id";

    /** Current contents of every file worth backing up. */
    Map<String, byte[]> exportFiles() throws IOException;

    /**
     * Replaces files from a decrypted backup. Names were checked by the web-ui (relative, no "..",
     * {@code [A-Za-z0-9._-]} segments); the node still refuses names it does not know and writes atomically.
     *
     * @throws IllegalArgumentException in plain words, naming the file the node will not use; nothing is written then
     */
    void importFiles(Map<String, byte[]> files) throws IOException;
}
