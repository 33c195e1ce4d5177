package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import network.mask.webui.backup.CraftedBackups;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.spi.BackupFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * D11 through the restore form: crafted backups get a 400 with a plain reason, nothing reaches the
 * node, and a hostile hash that got into the store anyway cannot crash a login.
 */
class CraftedBackupRoutesTest {

    private static final String PHRASE = "restore phrase";
    // Argon2 asking for 1 GiB, as the red team's crafted backup did.
    private static final String GREEDY_HASH = "$argon2id$v=19$m=1048576,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
            + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    private AdminFixture admin;
    private TestClient owner;

    @BeforeEach
    void start() {
        admin = AdminFixture.start();
        owner = admin.claimed();
        owner.get("/dashboard");
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    private TestClient.Response restore(byte[] file) {
        return owner.post("/restore", Map.of("backup", Base64.getEncoder().encodeToString(file), "restorePassphrase", PHRASE));
    }

    private static byte[] sealed(Map<String, byte[]> files) {
        CraftedBackups.Entry[] entries = files.entrySet().stream()
                .map(e -> CraftedBackups.Entry.of(e.getKey(), e.getValue())).toArray(CraftedBackups.Entry[]::new);
        return CraftedBackups.sealed(CraftedBackups.bundle(entries.length, entries), PHRASE, AdminFixture.CHEAP);
    }

    @Test
    void aHeaderAskingFor256MiBIsRefusedPlainly() {
        byte[] file = CraftedBackups.withHeaderCost(sealed(Map.of("keys/identity.key", new byte[] {1})), 256 * 1024, 1, 1);
        TestClient.Response r = restore(file);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("asks for more memory or time than the box can give"), r.body());
        assertTrue(admin.node.imports.isEmpty());
        assertEquals(1, admin.server.counters().refusedBackups());
    }

    @Test
    void aRestoredHashTheBoxCannotAffordIsRefusedBeforeTheNodeSeesIt() {
        TestClient.Response r = restore(sealed(Map.of("keys/identity.key", new byte[] {1},
                BackupFiles.ADMIN_PASSWORD_HASH, (GREEDY_HASH + "\n").getBytes(StandardCharsets.US_ASCII))));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("admin password hash asks for more memory or time"), r.body());
        assertTrue(admin.node.imports.isEmpty(), "nothing was handed to the node");
    }

    @Test
    void aHashFileOfTheWrongTypeIsRefused() {
        TestClient.Response r = restore(sealed(Map.of(BackupFiles.ADMIN_PASSWORD_HASH, new byte[] {0, (byte) 0xff, 3})));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("is not an Argon2id password hash"), r.body());
        assertTrue(admin.node.imports.isEmpty());
    }

    @Test
    void aFileLargerThanAnyBackupIsRefusedBeforeDecoding() {
        TestClient.Response r = owner.post("/restore", Map.of("backup", "A".repeat(3 * 1024 * 1024), "restorePassphrase", PHRASE));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("larger than any Mask Node backup"), r.body());
    }

    @Test
    void aHostileHashAlreadyInTheStoreCannotCrashALogin() {
        admin.node.passwordHash.set(GREEDY_HASH);
        TestClient c = admin.client();
        c.get("/login");
        assertEquals(401, c.post("/login", Map.of("password", AdminFixture.PASSWORD)).status(), "refused, not computed");
        assertEquals(200, admin.client().get("/login").status(), "the page keeps answering");
        assertTrue(!new PasswordHasher(AdminFixture.CHEAP).verify(AdminFixture.PASSWORD, GREEDY_HASH));
    }
}
