package network.mask.node.noise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import network.mask.node.keys.Base58;
import network.mask.node.keys.KeyFileException;
import network.mask.node.storage.AtomicFiles;

/**
 * The node's Noise key file, {@code <data>/keys/noise_x25519.key}: made at first start, written
 * atomically with mode 0600, in the same text form as the other key files. A damaged file stops the
 * node with the fix in the message; it is never silently replaced.
 */
public final class NoiseKeyStore {

    public static final String FILE = "noise_x25519.key";
    private static final System.Logger LOG = System.getLogger(NoiseKeyStore.class.getName());

    private final Path file;
    private final SecureRandom random;

    public NoiseKeyStore(Path dataDir, SecureRandom random) {
        this.file = dataDir.resolve("keys").resolve(FILE);
        this.random = random;
    }

    public Path file() {
        return file;
    }

    /** Reads the key pair, making and saving one if there is none yet. */
    public NoiseKeyPair loadOrCreate() throws IOException, KeyFileException {
        if (Files.exists(file)) return read(file);
        NoiseKeyPair keys = NoiseKeyPair.generate(random);
        save(keys);
        LOG.log(System.Logger.Level.INFO, "generated a new Noise key {0}", Base58.encode(keys.publicKey()));
        return keys;
    }

    /** Writes {@code keys} (the local mixnet prepares its nodes' keys this way). */
    public void save(NoiseKeyPair keys) throws IOException {
        Files.createDirectories(file.getParent());
        String text = """
                # Mask Node x25519 Noise key (encrypts links to other nodes). SECRET: never share this file.
                # public_key = %s
                kind = x25519-noise
                private_key = %s
                """.formatted(Base58.encode(keys.publicKey()), Base58.encode(keys.privateBytes()));
        AtomicFiles.writeSecret(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads and checks a Noise key file (also a backup's copy before it is restored). */
    public static NoiseKeyPair read(Path file) throws IOException, KeyFileException {
        String fix = "; delete it and the node makes a new Noise key at its next start (other nodes learn the new one from nym-api)";
        String privateText = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("#")) continue;
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).strip().equals("private_key")) privateText = t.substring(eq + 1).strip();
        }
        if (privateText == null) throw new KeyFileException(file, "private_key is missing" + fix);
        byte[] raw;
        try {
            raw = Base58.decode(privateText);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file, "private_key is not base58" + fix);
        }
        if (raw.length != NoiseProtocol.KEY_LENGTH) throw new KeyFileException(file, "private_key is " + raw.length + " bytes, expected 32" + fix);
        return NoiseKeyPair.fromPrivate(raw);
    }
}
