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

    /**
     * What a decrypted backup holds, for the owner to confirm before anything is replaced: the node
     * name from its config file and the identity key (base58) its key file makes. Empty strings when
     * the node cannot tell; never throws for a crafted file.
     */
    default Summary describe(Map<String, byte[]> files) {
        return new Summary("", "");
    }

    /** @param name the backed-up node's name ("" if not known); {@code identityKey} its ed25519 identity key, base58 */
    record Summary(String name, String identityKey) {
        public Summary {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(identityKey, "identityKey");
        }
    }
}
