package network.mask.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redteam D14: what interrupted writes left behind is removed at start; the files themselves stay. */
class LeftoverTempsTest {

    @TempDir
    Path data;

    @Test
    void tempFilesAndRestoreStagingGoTargetsStay() throws Exception {
        Path admin = Files.createDirectories(data.resolve("admin"));
        Files.writeString(data.resolve("masknode.toml"), "kept");
        Files.writeString(data.resolve(".masknode.toml.tmp-1a2b3c"), "mqtt password");
        Files.writeString(admin.resolve("password.argon2id"), "kept");
        Files.writeString(admin.resolve(".password.argon2id.tmp-ff00"), "hash");
        Path staging = Files.createDirectories(data.resolve(".restore-12345").resolve("keys"));
        Files.writeString(staging.resolve("identity.key"), "secret");
        Files.writeString(data.resolve(".hidden-but-not-a-temp"), "kept");

        int removed = LeftoverTemps.removeAll(Arrays.asList(data, admin, null, data.resolve("missing")));

        assertEquals(3, removed);
        assertFalse(Files.exists(data.resolve(".masknode.toml.tmp-1a2b3c")));
        assertFalse(Files.exists(admin.resolve(".password.argon2id.tmp-ff00")));
        assertFalse(Files.exists(data.resolve(".restore-12345")));
        assertTrue(Files.exists(data.resolve("masknode.toml")));
        assertTrue(Files.exists(admin.resolve("password.argon2id")));
        assertTrue(Files.exists(data.resolve(".hidden-but-not-a-temp")));
    }
}
