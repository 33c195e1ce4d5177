package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The backup's file name keeps the node's name recognisable (finding 29). */
class AsciiNamesTest {

    @Test
    void umlautsAndAccentsAreSpelledOutNotDropped() {
        AdminFixture admin = AdminFixture.start();
        try (admin) {
            TestClient owner = admin.claimed();
            owner.get("/setup/node");
            owner.post("/setup/node", java.util.Map.of("name", "Küche-Knoten Café", "description", ""));
            owner.get("/dashboard");
            TestClient.Response r = owner.post("/backup", java.util.Map.of("backupPassphrase", "a long backup passphrase",
                    "backupConfirm", "a long backup passphrase"));
            assertEquals(200, r.status(), r.body());
            assertEquals("attachment; filename=\"masknode-kueche-knoten-cafe-2026-11-24.mnbackup\"", r.header("Content-Disposition").orElseThrow());
        }
    }
}
