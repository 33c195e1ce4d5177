package network.mask.node.maintenance;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import network.mask.node.config.ConfigException;
import network.mask.node.config.ConfigLoader;
import network.mask.node.keys.KeyFileException;
import network.mask.node.keys.KeyStore;
import network.mask.node.setuppage.FileCredentialStore;
import network.mask.node.noise.NoiseKeyStore;
import network.mask.node.storage.AtomicFiles;
import network.mask.webui.spi.BackupFiles;

/**
 * What a backup holds: the node's keys, its config file and the admin password hash. A restore
 * checks every file (keys parse, config passes {@code config check}, the hash is an Argon2id
 * string) before it writes any, then writes each atomically with mode 0600. The running node
 * keeps its loaded keys until it restarts.
 */
public final class BackupFileSet implements BackupFiles {

    public static final String IDENTITY = "keys/" + KeyStore.IDENTITY_FILE;
    public static final String PRIMARY = "keys/" + KeyStore.PRIMARY_FILE;
    public static final String SECONDARY = "keys/" + KeyStore.SECONDARY_FILE;
    /** Optional: backups from before Noise have none, and a node without one makes a new one. */
    public static final String NOISE = "keys/" + NoiseKeyStore.FILE;
    public static final String CONFIG = "config/" + ConfigLoader.FILE_NAME;
    public static final String ADMIN = BackupFiles.ADMIN_PASSWORD_HASH;
    private static final Set<String> KNOWN = Set.of(IDENTITY, PRIMARY, SECONDARY, NOISE, CONFIG, ADMIN);
    private static final int MAX_FILE = 256 * 1024;

    private final DataFiles files;
    private final Path configFile;

    public BackupFileSet(DataFiles files, Path configFile) {
        this.files = files;
        this.configFile = configFile;
    }

    @Override
    public Map<String, byte[]> exportFiles() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : new String[] {IDENTITY, PRIMARY, SECONDARY, NOISE, CONFIG, ADMIN}) {
            Path p = target(name);
            if (Files.isRegularFile(p)) out.put(name, Files.readAllBytes(p));
        }
        return out;
    }

    @Override
    public void importFiles(Map<String, byte[]> backup) throws IOException {
        validate(backup);
        for (Map.Entry<String, byte[]> e : backup.entrySet()) {
            Path p = target(e.getKey());
            Files.createDirectories(p.getParent());
            AtomicFiles.writeSecret(p, e.getValue());
        }
        // The backup is the whole key set: a secondary key it does not have must not linger.
        if (!backup.containsKey(SECONDARY)) Files.deleteIfExists(target(SECONDARY));
    }

    /**
     * The backed-up node's name (its config file, else the default's) and identity key, read in a
     * staging directory that is deleted again; empty strings for what cannot be read.
     */
    @Override
    public Summary describe(Map<String, byte[]> backup) {
        String name = "";
        String identity = "";
        Path staging = null;
        try {
            Files.createDirectories(files.dataDir());
            staging = Files.createTempDirectory(files.dataDir(), ".describe-");
            Files.createDirectories(staging.resolve("keys"));
            for (String n : new String[] {IDENTITY, PRIMARY, SECONDARY}) {
                if (backup.containsKey(n)) AtomicFiles.writeSecret(staging.resolve(n), backup.get(n));
            }
            try {
                identity = new KeyStore(staging, new SecureRandom()).load().identity().publicKeyBase58();
            } catch (KeyFileException | CharacterCodingException | RuntimeException e) {
                identity = "";
            }
            if (backup.containsKey(CONFIG)) {
                Path config = staging.resolve(ConfigLoader.FILE_NAME);
                AtomicFiles.writeSecret(config, backup.get(CONFIG));
                try {
                    name = ConfigLoader.check(config).node().name();
                } catch (ConfigException | CharacterCodingException | RuntimeException e) {
                    name = "";
                }
            }
        } catch (IOException e) {
            // Nothing to show; the restore's own checks still run before anything is written.
        } finally {
            if (staging != null) {
                try {
                    deleteTree(staging);
                } catch (IOException e) {
                    System.getLogger(BackupFileSet.class.getName()).log(System.Logger.Level.WARNING,
                            "could not delete the restore preview's staging directory " + staging + ": " + e);
                }
            }
        }
        return new Summary(name, identity);
    }

    /** @throws IllegalArgumentException naming the first file that cannot be restored */
    void validate(Map<String, byte[]> backup) throws IOException {
        for (Map.Entry<String, byte[]> e : backup.entrySet()) {
            if (!KNOWN.contains(e.getKey())) throw new IllegalArgumentException("the backup holds an unknown file: " + e.getKey());
            if (e.getValue().length > MAX_FILE) throw new IllegalArgumentException(e.getKey() + " is too large");
        }
        if (!backup.containsKey(IDENTITY) || !backup.containsKey(PRIMARY)) {
            throw new IllegalArgumentException("the backup has no node keys (" + IDENTITY + ", " + PRIMARY + ")");
        }
        if (backup.containsKey(ADMIN) && !FileCredentialStore.isHash(new String(backup.get(ADMIN), StandardCharsets.US_ASCII).strip())) {
            throw new IllegalArgumentException(ADMIN + " is not an Argon2id password hash");
        }
        Files.createDirectories(files.dataDir());
        Path staging = Files.createTempDirectory(files.dataDir(), ".restore-");
        try {
            Path keys = staging.resolve("keys");
            Files.createDirectories(keys);
            for (String name : new String[] {IDENTITY, PRIMARY, SECONDARY, NOISE}) {
                if (backup.containsKey(name)) AtomicFiles.writeSecret(staging.resolve(name), backup.get(name));
            }
            try {
                new KeyStore(staging, new SecureRandom()).load();
                if (backup.containsKey(NOISE)) NoiseKeyStore.read(staging.resolve(NOISE));
            } catch (KeyFileException e) {
                throw new IllegalArgumentException("the backup's keys are unusable: " + e.getMessage(), e);
            } catch (CharacterCodingException | RuntimeException e) {
                // A crafted key file (binary, wrong types) must get a plain refusal, never an unexpected exception.
                throw new IllegalArgumentException("the backup's keys are unusable (not key files this node writes)", e);
            }
            if (backup.containsKey(CONFIG)) {
                Path config = staging.resolve(ConfigLoader.FILE_NAME);
                AtomicFiles.writeSecret(config, backup.get(CONFIG));
                try {
                    ConfigLoader.check(config);
                } catch (ConfigException e) {
                    throw new IllegalArgumentException("the backup's config file is not valid: "
                            + String.join("; ", e.problems()).replace(config.toString(), CONFIG), e);
                } catch (CharacterCodingException | RuntimeException e) {
                    throw new IllegalArgumentException("the backup's config file is not valid (not a text file this node writes)", e);
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    private Path target(String name) {
        return switch (name) {
            case CONFIG -> configFile;
            case ADMIN -> files.adminHash();
            default -> files.dataDir().resolve(name);
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
