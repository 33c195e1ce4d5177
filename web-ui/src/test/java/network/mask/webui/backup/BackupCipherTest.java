package network.mask.webui.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import network.mask.webui.security.PasswordHasher;
import org.junit.jupiter.api.Test;

class BackupCipherTest {

    private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);
    private final BackupCipher cipher = new BackupCipher(CHEAP);

    private static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("config/config.toml", "name = \"attic\"\n".getBytes(StandardCharsets.UTF_8));
        f.put("keys/identity.key", new byte[] {0, 1, 2, (byte) 0xff});
        f.put("empty", new byte[0]);
        return f;
    }

    @Test
    void roundTrip() throws BackupException {
        byte[] file = cipher.encrypt(files(), "a good passphrase");
        Map<String, byte[]> back = cipher.decrypt(file, "a good passphrase");
        assertEquals(files().keySet(), back.keySet());
        files().forEach((k, v) -> assertArrayEquals(v, back.get(k), k));
    }

    @Test
    void theFileRevealsNoPlaintext() {
        byte[] file = cipher.encrypt(files(), "a good passphrase");
        String asText = new String(file, StandardCharsets.ISO_8859_1);
        assertEquals(-1, asText.indexOf("attic"));
        assertEquals(-1, asText.indexOf("config.toml"));
    }

    @Test
    void defaultCostIsStoredInTheHeaderAndDecryptStillWorks() throws BackupException {
        byte[] file = new BackupCipher().encrypt(Map.of("a", new byte[] {1}), "a good passphrase");
        ByteBuffer header = ByteBuffer.wrap(file, 10, 12);
        assertEquals(64 * 1024, header.getInt());
        assertEquals(3, header.getInt());
        assertEquals(1, header.getInt());
        // A cipher configured with another cost reads the cost from the file.
        assertArrayEquals(new byte[] {1}, cipher.decrypt(file, "a good passphrase").get("a"));
    }

    @Test
    void wrongPassphrase() {
        byte[] file = cipher.encrypt(files(), "a good passphrase");
        BackupException e = assertThrows(BackupException.class, () -> cipher.decrypt(file, "a good passphrasf"));
        assertEquals(BackupException.Kind.WRONG_PASSPHRASE, e.kind());
    }

    @Test
    void anyFlippedBitIsDetected() {
        byte[] file = cipher.encrypt(files(), "a good passphrase");
        for (int i = 10; i < file.length; i += 7) {
            byte[] bad = file.clone();
            bad[i] ^= 0x01;
            assertThrows(BackupException.class, () -> cipher.decrypt(bad, "a good passphrase"), "byte " + i);
        }
    }

    @Test
    void notABackupTruncatedAndForeignVersions() {
        byte[] file = cipher.encrypt(files(), "a good passphrase");
        assertEquals(BackupException.Kind.NOT_A_BACKUP, assertThrows(BackupException.class,
                () -> cipher.decrypt("hello world, not a backup at all, just text".getBytes(StandardCharsets.UTF_8), "x")).kind());
        assertEquals(BackupException.Kind.NOT_A_BACKUP, assertThrows(BackupException.class,
                () -> cipher.decrypt(Arrays.copyOf(file, 40), "a good passphrase")).kind());
        byte[] newer = file.clone();
        newer[8] = 2;
        assertEquals(BackupException.Kind.UNSUPPORTED, assertThrows(BackupException.class,
                () -> cipher.decrypt(newer, "a good passphrase")).kind());
    }

    @Test
    void aCraftedCostIsRefusedBeforeAnyWork() {
        byte[] file = cipher.encrypt(files(), "a good passphrase");
        byte[] greedy = file.clone();
        ByteBuffer.wrap(greedy, 10, 4).putInt(1024 * 1024);    // 1 GiB of memory
        assertEquals(BackupException.Kind.TOO_COSTLY, assertThrows(BackupException.class,
                () -> cipher.decrypt(greedy, "a good passphrase")).kind());
        byte[] zero = file.clone();
        ByteBuffer.wrap(zero, 14, 4).putInt(0);                 // zero passes
        assertEquals(BackupException.Kind.DAMAGED, assertThrows(BackupException.class,
                () -> cipher.decrypt(zero, "a good passphrase")).kind());
    }

    @Test
    void unsafeNamesCannotBeWritten() {
        for (String name : new String[] {"../etc/passwd", "/abs", "a/../b", "a//b", ".hidden/../x", "a\\b", "", "a/", "ä"}) {
            assertThrows(IllegalArgumentException.class, () -> cipher.encrypt(Map.of(name, new byte[1]), "a good passphrase"), name);
        }
    }
}
