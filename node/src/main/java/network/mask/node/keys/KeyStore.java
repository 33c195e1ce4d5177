package network.mask.node.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import network.mask.node.storage.AtomicFiles;

/**
 * Key files under {@code <data>/keys/}: generated on first start, written atomically with mode
 * 0600, read at every start. A damaged key file stops the node rather than being replaced,
 * because a new identity would silently orphan the bonded node.
 */
public final class KeyStore {

    public static final String IDENTITY_FILE = "identity_ed25519.key";
    public static final String PRIMARY_FILE = "sphinx_x25519_primary.key";
    public static final String SECONDARY_FILE = "sphinx_x25519_secondary.key";
    /** Rotation id of a node's first Sphinx key (0 would read as "unknown" in v8 framing). */
    static final long FIRST_ROTATION_ID = 1;

    private static final System.Logger LOG = System.getLogger(KeyStore.class.getName());

    private final Path dir;
    private final SecureRandom random;

    public KeyStore(Path dataDir, SecureRandom random) {
        this.dir = dataDir.resolve("keys");
        this.random = random;
    }

    public Path directory() {
        return dir;
    }

    /** Loads the keys, generating and saving whatever is missing (a first Sphinx key gets rotation id 1). */
    public NodeKeys loadOrCreate() throws IOException, KeyFileException {
        return loadOrCreate(FIRST_ROTATION_ID);
    }

    /**
     * Loads the keys, generating and saving whatever is missing; a first Sphinx key gets
     * {@code firstRotationId} (the network's current rotation when it is known, as nym-node does).
     */
    public NodeKeys loadOrCreate(long firstRotationId) throws IOException, KeyFileException {
        AtomicFiles.removeLeftoverTemps(dir);
        IdentityKey identity = readIdentity();
        if (identity == null) {
            identity = IdentityKey.generate(random);
            writeIdentity(identity);
            LOG.log(System.Logger.Level.INFO, "generated a new identity key {0}", identity.publicKeyBase58());
        }
        SphinxKey primary = readSphinx(PRIMARY_FILE);
        if (primary == null) {
            primary = SphinxKey.generate(firstRotationId, random);
            writeSphinx(PRIMARY_FILE, primary, "primary");
            LOG.log(System.Logger.Level.INFO, "generated a new Sphinx key {0}", primary.publicKeyBase58());
        }
        SphinxKey secondary = readSphinx(SECONDARY_FILE);
        if (secondary != null && secondary.rotationId() == primary.rotationId()) {
            secondary = null; // a rotation interrupted after its first write: nothing to keep
        }
        return new NodeKeys(identity, primary, secondary);
    }

    /** Reads the keys without creating any. */
    public NodeKeys load() throws IOException, KeyFileException {
        IdentityKey identity = readIdentity();
        SphinxKey primary = readSphinx(PRIMARY_FILE);
        if (identity == null || primary == null) {
            throw new KeyFileException(dir, "no keys yet; they are generated when the node first runs");
        }
        SphinxKey secondary = readSphinx(SECONDARY_FILE);
        if (secondary != null && secondary.rotationId() == primary.rotationId()) secondary = null;
        return new NodeKeys(identity, primary, secondary);
    }

    /**
     * Rotates the Sphinx key: the primary becomes the secondary (still accepted, so packets
     * built with it during the overlap are mixed), and a fresh key with the next rotation id
     * becomes primary. The older secondary is forgotten.
     */
    public NodeKeys rotate(NodeKeys current) throws IOException {
        SphinxKey next = SphinxKey.generate((current.primary().rotationId() % 0xFFFF_FFFEL) + 1, random);
        // Order matters for a power cut: until the new primary is written, the old one is still primary.
        writeSphinx(SECONDARY_FILE, current.primary(), "secondary");
        writeSphinx(PRIMARY_FILE, next, "primary");
        return new NodeKeys(current.identity(), next, current.primary());
    }

    /** Saves a freshly made pre-announced (or catch-up) key as the secondary. */
    public void writeSecondary(SphinxKey key) throws IOException {
        writeSphinx(SECONDARY_FILE, key, "secondary");
    }

    /**
     * Makes {@code newPrimary} (the current secondary) the primary and keeps {@code oldPrimary}
     * as the secondary (the overlap key). The primary file is written first: a power cut between
     * the two writes leaves both files holding the new key, which {@link #loadOrCreate} reads as
     * "no secondary", losing only the overlap key, never the key the network now uses.
     */
    public void swap(SphinxKey newPrimary, SphinxKey oldPrimary) throws IOException {
        writeSphinx(PRIMARY_FILE, newPrimary, "primary");
        writeSphinx(SECONDARY_FILE, oldPrimary, "secondary");
    }

    /** Deletes the secondary key file (the overlap key at the end of its epoch). */
    public void deleteSecondary() throws IOException {
        Files.deleteIfExists(dir.resolve(SECONDARY_FILE));
        AtomicFiles.fsyncDirectoryOf(dir.resolve(SECONDARY_FILE));
    }

    /** Writes a complete key set (the local mixnet prepares its nodes' keys this way). */
    public void save(NodeKeys keys) throws IOException {
        writeIdentity(keys.identity());
        writeSphinx(PRIMARY_FILE, keys.primary(), "primary");
        if (keys.secondary() != null) writeSphinx(SECONDARY_FILE, keys.secondary(), "secondary");
        else Files.deleteIfExists(dir.resolve(SECONDARY_FILE));
    }

    private IdentityKey readIdentity() throws IOException, KeyFileException {
        Path file = dir.resolve(IDENTITY_FILE);
        Map<String, String> fields = readFields(file);
        if (fields == null) return null;
        return IdentityKey.fromPrivate(privateBytes(file, fields));
    }

    private SphinxKey readSphinx(String name) throws IOException, KeyFileException {
        Path file = dir.resolve(name);
        Map<String, String> fields = readFields(file);
        if (fields == null) return null;
        String rotation = fields.get("rotation_id");
        long rotationId;
        try {
            rotationId = Long.parseLong(rotation == null ? "" : rotation);
        } catch (NumberFormatException e) {
            throw new KeyFileException(file, "rotation_id is missing or not a number");
        }
        if (rotationId < 0 || rotationId > 0xFFFF_FFFFL) throw new KeyFileException(file, "rotation_id is not a u32");
        return SphinxKey.fromPrivate(rotationId, privateBytes(file, fields));
    }

    private static byte[] privateBytes(Path file, Map<String, String> fields) throws KeyFileException {
        String text = fields.get("private_key");
        if (text == null) throw new KeyFileException(file, "private_key is missing");
        byte[] raw;
        try {
            raw = Base58.decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file, "private_key is not base58");
        }
        if (raw.length != 32) throw new KeyFileException(file, "private_key is " + raw.length + " bytes, expected 32");
        return raw;
    }

    private static Map<String, String> readFields(Path file) throws IOException {
        if (!Files.exists(file)) return null;
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int eq = t.indexOf('=');
            if (eq > 0) fields.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
        }
        return fields;
    }

    private void writeIdentity(IdentityKey key) throws IOException {
        String text = """
                # Mask Node ed25519 identity key. SECRET: never share this file; back it up before bonding.
                # public_key = %s
                kind = ed25519-identity
                private_key = %s
                """.formatted(key.publicKeyBase58(), Base58.encode(key.privateSeed()));
        AtomicFiles.writeSecret(dir.resolve(IDENTITY_FILE), text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeSphinx(String name, SphinxKey key, String role) throws IOException {
        String text = """
                # Mask Node x25519 Sphinx key (%s). SECRET: never share this file.
                # public_key = %s
                kind = x25519-sphinx
                rotation_id = %d
                private_key = %s
                """.formatted(role, key.publicKeyBase58(), key.rotationId(), Base58.encode(key.privateKeyForEngine()));
        AtomicFiles.writeSecret(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
