package network.mask.webui.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the admin password hash lives. The node stores it atomically (temp file, fsync, rename)
 * with mode 0600. The web-ui only ever hands over an encoded Argon2id hash, never a password.
 */
public interface AdminCredentialStore {

    /** The stored hash in PHC form ({@code $argon2id$v=19$...}), or empty while the box is unclaimed. */
    Optional<String> load() throws IOException;

    /**
     * Stores the hash at claim time and replaces it when the owner changes the password; must be atomic
     * so a crash never leaves a half-written hash (the old one or the new one is there, nothing else).
     */
    void store(String argon2idHash) throws IOException;
}
