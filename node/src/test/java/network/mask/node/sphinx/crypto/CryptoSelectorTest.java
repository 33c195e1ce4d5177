package network.mask.node.sphinx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import network.mask.node.sphinx.Backends;
import network.mask.node.sphinx.crypto.bc.BcProvider;
import network.mask.node.sphinx.crypto.ffm.SodiumProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One measurement is shared by the tests (it takes about a second); the cache is what they exercise. */
class CryptoSelectorTest {

    private static CryptoSelector.Selection measured;
    @TempDir
    static Path shared;

    @BeforeAll
    static void measureOnce() {
        Backends.providers();
        measured = CryptoSelector.select(shared, Map.of());
    }

    @Test
    void choosesTheFastestMeasuredUsableProvider() {
        assertEquals("measured", measured.source());
        for (Primitive primitive : Primitive.values()) {
            CryptoProvider chosen = measured.crypto().provider(primitive);
            assertTrue(CryptoProviders.usable(chosen, primitive), primitive.key());
            Map<String, Double> rates = measured.opsPerSecond().get(primitive);
            if (rates != null) {
                String fastest = rates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertEquals(fastest, chosen.name(), primitive.key() + " " + rates);
            }
        }
        // Both X25519 implementations that matter are really timed, not assumed.
        assertTrue(measured.opsPerSecond().get(Primitive.X25519_BLIND).keySet().containsAll(java.util.List.of("bc", "sodium")));
    }

    @Test
    void writesTheCacheAtomicallyAndReusesIt() throws IOException {
        Path file = shared.resolve(CryptoSelector.CACHE_FILE);
        Properties props = load(file);
        assertEquals(CryptoFingerprint.current(), props.getProperty("fingerprint"));
        for (Primitive primitive : Primitive.values()) {
            assertEquals(measured.crypto().provider(primitive).name(), props.getProperty(primitive.key()));
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        CryptoSelector.Selection again = CryptoSelector.select(shared, Map.of());
        assertEquals("cache", again.source());
        assertEquals(measured.crypto(), again.crypto());
    }

    @Test
    void aCacheFromAnotherMachineOrGarbageIsNotTrusted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CryptoSelector.CACHE_FILE);
        String cached = Files.readString(shared.resolve(CryptoSelector.CACHE_FILE));
        Files.writeString(file, cached.replace("fingerprint=", "fingerprint=other-"));
        assertEquals(null, CryptoSelector.readCache(file, CryptoFingerprint.current()));
        Files.writeString(file, "\u0000garbage\\u12");
        assertEquals(null, CryptoSelector.readCache(file, CryptoFingerprint.current()));
        Files.writeString(file, cached.replaceAll("(?m)^hkdf=.*$", "hkdf=nonexistent"));
        assertEquals(null, CryptoSelector.readCache(file, CryptoFingerprint.current()));
        Files.writeString(file, cached);
        assertEquals(measured.crypto(), CryptoSelector.readCache(file, CryptoFingerprint.current()).crypto());
    }

    @Test
    void configurationOverridesWin() {
        CryptoSelector.Selection selection = CryptoSelector.select(shared, Map.of("x25519", "bc", "blake2b", "sodium"));
        assertEquals("cache+config", selection.source());
        assertEquals(BcProvider.INSTANCE, selection.crypto().provider(Primitive.X25519_DH));
        assertEquals(BcProvider.INSTANCE, selection.crypto().provider(Primitive.X25519_BLIND));
        assertEquals(SodiumProvider.INSTANCE, selection.crypto().provider(Primitive.BLAKE2B));
        assertEquals(measured.crypto().provider(Primitive.HKDF), selection.crypto().provider(Primitive.HKDF));
    }

    @Test
    void anOverrideDoesNotLeakIntoTheCache(@TempDir Path dir) throws IOException {
        CryptoSelector.Selection selection = CryptoSelector.select(dir, Map.of("x25519", "bc"));
        assertEquals("measured+config", selection.source());
        assertEquals(BcProvider.INSTANCE, selection.crypto().provider(Primitive.X25519_BLIND));
        // The cache records what was measured (the fastest timed), so dropping the override later
        // brings the measured choice back.
        Properties cache = load(dir.resolve(CryptoSelector.CACHE_FILE));
        CryptoSelector.Selection fresh = CryptoSelector.readCache(dir.resolve(CryptoSelector.CACHE_FILE), CryptoFingerprint.current());
        assertEquals("cache", fresh.source());
        String line = Files.readAllLines(dir.resolve(CryptoSelector.CACHE_FILE)).stream()
                .filter(l -> l.startsWith("# measured x25519-blind: ")).findFirst().orElseThrow();
        String fastest = java.util.Arrays.stream(line.substring(line.indexOf(':') + 1).split(","))
                .map(String::trim).max(java.util.Comparator.comparingLong(
                        entry -> Long.parseLong(entry.substring(entry.indexOf(' ') + 1, entry.indexOf('/')))))
                .orElseThrow().split(" ")[0];
        assertEquals(fastest, cache.getProperty("x25519-blind"), line);
        assertEquals(fastest, fresh.crypto().provider(Primitive.X25519_BLIND).name());
    }

    @Test
    void badConfigurationIsAClearError() {
        IllegalArgumentException unknownBackend = assertThrows(IllegalArgumentException.class,
                () -> CryptoSelector.select(shared, Map.of("x25519", "gmp")));
        assertTrue(unknownBackend.getMessage().contains("gmp"));
        assertThrows(IllegalArgumentException.class, () -> CryptoSelector.select(shared, Map.of("rsa", "bc")));
        assertThrows(IllegalArgumentException.class, () -> CryptoSelector.select(shared, Map.of("hkdf", "sodium")));
    }

    @Test
    void fingerprintNamesTheMachine() {
        String fingerprint = CryptoFingerprint.current();
        assertTrue(fingerprint.contains("os=Linux/" + System.getProperty("os.arch")), fingerprint);
        assertTrue(fingerprint.contains(System.getProperty("java.vm.version")), fingerprint);
        assertTrue(fingerprint.contains("sodium=libsodium "), fingerprint);
        assertTrue(!fingerprint.contains("cpu=unknown"), fingerprint);
    }

    @Test
    void cpuModelIsReadFromCpuinfo(@TempDir Path dir) throws IOException {
        Path arm = dir.resolve("cpuinfo");
        Files.writeString(arm, "processor\t: 0\nFeatures\t: fp asimd crc32\nCPU implementer\t: 0x41\nCPU part\t: 0xd08\n\n"
                + "processor\t: 1\nCPU part\t: 0xd08\nModel\t: Raspberry Pi 4 Model B Rev 1.4\n");
        String cpu = CryptoFingerprint.cpu(arm);
        assertTrue(cpu.contains("CPU part=0xd08") && cpu.contains("Model=Raspberry Pi 4") && cpu.contains("Features#"), cpu);
        assertEquals("unknown", CryptoFingerprint.cpu(dir.resolve("missing")));
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        props.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return props;
    }
}
