package network.mask.webui.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The decrypted bundle is checked again, in case a backup was made by something else. */
class BundleCodecTest {

    private static byte[] bundle(int count, String name, int size, int actualBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(count);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        d.writeShort(n.length);
        d.write(n);
        d.writeInt(size);
        d.write(new byte[actualBytes]);
        return out.toByteArray();
    }

    @Test
    void decodesWhatItEncodes() throws Exception {
        Map<String, byte[]> files = BundleCodec.decode(BundleCodec.encode(Map.of("keys/a.pem", new byte[] {7})));
        assertEquals(Set.of("keys/a.pem"), files.keySet());
        assertEquals(7, files.get("keys/a.pem")[0]);
    }

    @Test
    void refusesPathEscapesAndLies() throws Exception {
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(1, "../../etc/shadow", 1, 1)));
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(1, "/etc/shadow", 1, 1)));
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(1, "ok", 100, 1)), "size beyond the data");
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(1, "ok", -1, 1)));
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(2, "ok", 1, 1)), "fewer files than announced");
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(1, "ok", 1, 2)), "trailing bytes");
        assertThrows(BackupException.class, () -> BundleCodec.decode(bundle(5000, "ok", 1, 1)));
        assertThrows(BackupException.class, () -> BundleCodec.decode(new byte[3]));
    }

    @Test
    void safeNames() {
        assertTrue(BundleCodec.isSafeName("keys/identity.pem"));
        assertTrue(BundleCodec.isSafeName("config.toml"));
        assertTrue(BundleCodec.isSafeName("a-b_c/d.e.f"));
        for (String bad : new String[] {"..", ".", "../x", "x/..", "x/./y", "/x", "x/", "x//y", "x\\y", "x y", "", ".env/../../x"}) {
            assertFalse(BundleCodec.isSafeName(bad), bad);
        }
    }
}
