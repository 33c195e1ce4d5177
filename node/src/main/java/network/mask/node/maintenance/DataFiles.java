package network.mask.node.maintenance;

import java.nio.file.Path;

/** Where the appliance keeps its own files in the data directory (the keys live in {@code keys/}). */
public record DataFiles(Path dataDir) {

    /** The admin password's Argon2id hash (PHC string); absent while the box is unclaimed. */
    public Path adminHash() {
        return dataDir.resolve("admin").resolve("password.argon2id");
    }

    /** The setup page's TLS private key (PKCS#8 DER, 0600). */
    public Path tlsKey() {
        return dataDir.resolve("admin").resolve("tls-key.der");
    }

    /** The setup page's self-signed certificate (DER). */
    public Path tlsCertificate() {
        return dataDir.resolve("admin").resolve("tls-cert.der");
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    public Path replayDir() {
        return dataDir.resolve("replay");
    }
}
