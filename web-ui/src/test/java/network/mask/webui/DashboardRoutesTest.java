package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import network.mask.webui.backup.BackupCipher;
import network.mask.webui.spi.DashboardSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardRoutesTest extends OwnerRoutesTest {


    @BeforeEach
    void onTheDashboard() {
        finishWizard();
    }

    @Test
    void dashboardShowsTheFiguresEscaped() {
        admin.node.snapshot.set(FakeNode.snapshot(1234.56, 1200.04, 17, 5));
        String page = owner.get("/dashboard").body();
        assertTrue(page.contains("<dd id=\"rate-in\">1234.6/s</dd>"), page);
        assertTrue(page.contains("<dd id=\"rate-out\">1200.0/s</dd>"));
        assertTrue(page.contains("<dd id=\"rate-dropped\">0.5/s</dd>"));
        assertTrue(page.contains("<dd id=\"queue\">17</dd>"));
        assertTrue(page.contains("<dd id=\"peers\">5</dd>"));
        assertTrue(page.contains("<dd id=\"uptime\">1 h 15 min</dd>"));
        assertTrue(page.contains("<dd id=\"version\">0.1.0-test</dd>"));
        assertTrue(page.contains("<dd id=\"cpu-temperature\">48.5 °C</dd>"));
        assertTrue(page.contains("<dd id=\"memory\">400 MB of 4.0 GB (10 %)</dd>"));
        assertTrue(page.contains("<dd id=\"disk\">3.0 GB of 28.0 GB (11 %)</dd>"));
        assertTrue(page.contains("fill=\"#22c55e\""));
        assertTrue(page.contains("Mixing: connected to the network"));
        assertTrue(page.contains("<pre id=\"log\" tabindex=\"0\">12:00:03 &lt;b&gt;not html&lt;/b&gt;\n"
                + "12:00:02 INFO listening on mix port 1789\n12:00:01 INFO node started</pre>"), "log lines are text, newest first");
        assertTrue(page.contains("<h2 id=\"status-title\">Attic node</h2>"));
        assertTrue(page.contains("<script src=\"/static/dashboard.js\" defer></script>"));
        assertFalse(page.contains("tls-fingerprint"), "no certificate on plain http");
    }

    @Test
    void missingSensorsSayNotAvailable() {
        admin.node.snapshot.set(new DashboardSnapshot(0, 0, 0, 0, 0, Duration.ZERO, "v", OptionalDouble.empty(),
                Optional.empty(), Optional.empty(), new DashboardSnapshot.LedState("#000000", false, false, "Off"), List.of()));
        String page = owner.get("/dashboard").body();
        assertTrue(page.contains("<dd id=\"cpu-temperature\">not available</dd>"));
        assertTrue(page.contains("<dd id=\"memory\">not available</dd>"));
        assertTrue(page.contains("<dd id=\"disk\">not available</dd>"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void liveFiguresArePushedAndFollowChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(admin.base.resolve("/events")).header("Cookie", owner.cookie()).GET().build();
        HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String first = nextData(lines);
            assertTrue(first.contains("\"queue\":\"0\""), first);
            admin.node.snapshot.set(FakeNode.snapshot(77.7, 70, 42, 9));
            String changed;
            do {
                changed = nextData(lines);
            } while (!changed.contains("\"queue\":\"42\""));
            assertTrue(changed.contains("\"in\":\"77.7/s\""), changed);
            assertTrue(changed.contains("\"peers\":\"9\""));
            assertTrue(changed.contains("\"ledColour\":\"#22c55e\""));
            assertTrue(changed.contains("\"log\":[\"12:00:03 <b>not html</b>\",\"12:00:02 INFO listening on mix port 1789\","
                    + "\"12:00:01 INFO node started\"]"), "the live log is newest first too: " + changed);

            // Logging out ends the stream.
            owner.post("/logout", Map.of());
            String line;
            do {
                line = lines.readLine();
            } while (line != null);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void homeAssistantsConnectionInWordsFollowsWithoutAReload() throws Exception {
        admin.node.homeAssistant.set(Optional.of("Home Assistant (MQTT) is connected."));
        assertTrue(owner.get("/dashboard").body().contains("<dd id=\"home-assistant\">Home Assistant (MQTT) is connected.</dd>"));
        HttpRequest req = HttpRequest.newBuilder(admin.base.resolve("/events")).header("Cookie", owner.cookie()).GET().build();
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String first = nextData(lines);
            assertTrue(first.contains("\"homeAssistant\":\"Home Assistant (MQTT) is connected.\""), first);
            admin.node.homeAssistant.set(Optional.of("Home Assistant (MQTT) refused the user name or password."));
            String changed;
            do {
                changed = nextData(lines);
            } while (!changed.contains("refused the user name"));
            assertFalse(changed.contains("is connected"), changed);
            owner.post("/logout", Map.of());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void withoutMqttWordsTheLiveFiguresCarryNone() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(admin.base.resolve("/events")).header("Cookie", owner.cookie()).GET().build();
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String first = nextData(lines);
            assertFalse(first.contains("homeAssistant"), first);
            owner.post("/logout", Map.of());
        }
    }

    private static String nextData(BufferedReader lines) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("data:")) {
                return line.substring(5);
            }
        }
        throw new AssertionError("stream ended");
    }

    @Test
    void identifyAndRestart() {
        TestClient.Response r = owner.post("/actions/identify", Map.of());
        assertEquals(303, r.status());
        assertEquals(1, admin.node.identifies.get());
        assertTrue(owner.get("/dashboard").body().contains("The lights on the box blink for 30 seconds"));
        r = owner.post("/actions/restart", Map.of());
        assertEquals(200, r.status());
        assertTrue(r.body().contains("The node is restarting."));
        assertEquals(1, admin.node.awaitRestarts(1));
    }

    @Test
    void backupDownloadsAnEncryptedBundle() throws Exception {
        TestClient.Response r = owner.post("/backup", Map.of("backupPassphrase", "my backup phrase", "backupConfirm", "my backup phrase"));
        assertEquals(200, r.status());
        assertEquals("application/octet-stream", r.header("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"masknode-attic-node-2026-11-24.mnbackup\"", r.header("Content-Disposition").orElseThrow());
        Map<String, byte[]> files = new java.util.TreeMap<>(new BackupCipher(AdminFixture.CHEAP).decrypt(r.bytes(), "my backup phrase"));
        // The note saying when and by which version it was made, beside the node's own files.
        String note = new String(files.remove("masknode-backup.properties"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(note.contains("date=2026-11-24") && note.contains("version=0.1.0-test"), note);
        assertEquals(admin.node.files.keySet(), files.keySet());
        admin.node.files.forEach((k, v) -> assertArrayEquals(v, files.get(k)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty|''|''|backupPassphrase|Choose a passphrase.",
            "short|short one|short one|backupPassphrase|Use at least 10 characters (this one has 9).",
            "mismatch|my backup phrase|my backup phrasf|backupConfirm|The two passphrases do not match."})
    void backupPassphraseRules(String name, String passphrase, String confirm, String field, String message) {
        TestClient.Response r = owner.post("/backup", Map.of("backupPassphrase", passphrase, "backupConfirm", confirm));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"" + field + "-error\">" + message + "</p>"), r.body());
    }

    private String backupOf(Map<String, byte[]> files, String passphrase) {
        return Base64.getEncoder().encodeToString(new BackupCipher(AdminFixture.CHEAP).encrypt(files, passphrase));
    }

    @Test
    void restoreShowsWhatTheBackupHoldsAndReplacesNothingBeforeTheConfirmation() {
        Map<String, byte[]> files = Map.of("keys/identity.key", new byte[] {9, 9, 9}, "config/config.toml", "x=1".getBytes(),
                "masknode-backup.properties", "date=2026-10-03\nversion=0.9.1\n".getBytes());
        TestClient.Response r = owner.post("/restore", Map.of("backup", backupOf(files, "restore phrase"), "restorePassphrase", "restore phrase"));
        assertEquals(303, r.status(), r.body());
        assertEquals("/restore/confirm", r.header("Location").orElseThrow());
        assertTrue(admin.node.imports.isEmpty(), "nothing replaced before the owner confirms");
        String preview = owner.get("/restore/confirm").body();
        assertTrue(preview.contains("id=\"backup-date\" class=\"wrap\">2026-10-03</dd>"), preview);
        assertTrue(preview.contains("id=\"backup-version\" class=\"wrap\">0.9.1</dd>"), preview);
        assertTrue(preview.contains("id=\"backup-name\" class=\"wrap\">Restored node</dd>"), preview);
        assertTrue(preview.contains("id=\"backup-identity\" class=\"wrap\">B4ckupIdentity</dd>"), preview);
        assertFalse(preview.contains("restorePassword"), "no password in this backup, so no password choice");
        r = owner.post("/restore/confirm", Map.of());
        assertEquals(303, r.status(), r.body());
        assertEquals(1, admin.node.imports.size());
        assertArrayEquals(new byte[] {9, 9, 9}, admin.node.imports.get(0).get("keys/identity.key"));
        assertFalse(admin.node.imports.get(0).containsKey("masknode-backup.properties"), "the note is the page's, not the node's");
        String page = owner.get("/maintenance").body();
        assertTrue(page.contains("Backup restored (2 files). Your password stays the one you use now."), page);
        assertTrue(page.contains("id=\"restart-now\""), "a restart is offered: " + page);
    }

    @Test
    void restoreKeepsTheNewPasswordUnlessTheOwnerTicksTheBackupsOne() {
        byte[] oldHash = new network.mask.webui.security.PasswordHasher(AdminFixture.CHEAP).hash("the forgotten password").getBytes();
        Map<String, byte[]> files = Map.of("keys/identity.key", new byte[] {7}, "admin/password.argon2id", oldHash);
        String backup = backupOf(files, "restore phrase");
        owner.post("/restore", Map.of("backup", backup, "restorePassphrase", "restore phrase"));
        String preview = owner.get("/restore/confirm").body();
        assertTrue(preview.contains("Also restore the admin password from the backup"), preview);
        owner.post("/restore/confirm", Map.of());
        assertFalse(admin.node.imports.get(0).containsKey("admin/password.argon2id"), "the password chosen now stays");

        owner.post("/restore", Map.of("backup", backup, "restorePassphrase", "restore phrase"));
        owner.post("/restore/confirm", Map.of("restorePassword", "on"));
        assertArrayEquals(oldHash, admin.node.imports.get(1).get("admin/password.argon2id"), "ticked: the backup's password");
    }

    @Test
    void aCancelledRestoreChangesNothingAndCannotBeConfirmedLater() {
        Map<String, byte[]> files = Map.of("keys/identity.key", new byte[] {9});
        owner.post("/restore", Map.of("backup", backupOf(files, "restore phrase"), "restorePassphrase", "restore phrase"));
        assertEquals(303, owner.post("/restore/cancel", Map.of()).status());
        TestClient.Response r = owner.post("/restore/confirm", Map.of());
        assertEquals(303, r.status());
        assertTrue(admin.node.imports.isEmpty());
        assertTrue(owner.get("/maintenance").body().contains("That restore is no longer open."));
    }

    @Test
    void restoreExplainsEachProblem() {
        String good = backupOf(Map.of("a", new byte[] {1}), "restore phrase");
        assertRestoreError(Map.of("backup", "", "restorePassphrase", "restore phrase"), "restoreFile",
                "Choose a backup file (this page needs JavaScript to read it).");
        assertRestoreError(Map.of("backup", "%%%not base64", "restorePassphrase", "restore phrase"), "restoreFile",
                "This file is not a Mask Node backup.");
        assertRestoreError(Map.of("backup", Base64.getEncoder().encodeToString("just some text file, long enough to look real"
                .getBytes()), "restorePassphrase", "restore phrase"), "restoreFile", "This file is not a Mask Node backup.");
        assertRestoreError(Map.of("backup", good, "restorePassphrase", ""), "restorePassphrase",
                "Enter the passphrase you chose when you made the backup.");
        assertRestoreError(Map.of("backup", good, "restorePassphrase", "wrong phrase"), "restorePassphrase",
                "Wrong passphrase, or the backup file is damaged.");
        assertTrue(admin.node.imports.isEmpty());
        admin.node.failWrites = true;
        assertEquals(303, owner.post("/restore", Map.of("backup", good, "restorePassphrase", "restore phrase")).status());
        TestClient.Response r = owner.post("/restore/confirm", Map.of());
        assertEquals(500, r.status());
        assertTrue(r.body().contains("The node could not write the restored files: disk full"), r.body());
    }

    private void assertRestoreError(Map<String, String> fields, String field, String message) {
        TestClient.Response r = owner.post("/restore", fields);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"" + field + "-error\">" + message + "</p>"), message + " in\n" + r.body());
    }

    @Test
    void factoryResetAsksForThePasswordAndTheTick() {
        assertResetError(Map.of("resetPassword", "", "resetConfirm", "on"), "resetPassword", "Enter your password to confirm the reset.");
        assertResetError(Map.of("resetPassword", "not it at all", "resetConfirm", "on"), "resetPassword", "Wrong password.");
        assertResetError(Map.of("resetPassword", AdminFixture.PASSWORD), "resetConfirm",
                "Tick the box to confirm that the keys will be erased.");
        assertEquals(0, admin.node.factoryResets.get());

        TestClient second = admin.loggedIn();
        TestClient.Response r = owner.post("/actions/factory-reset", Map.of("resetPassword", AdminFixture.PASSWORD, "resetConfirm", "on"));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("The box is erasing its keys and settings"));
        assertTrue(r.header("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(1, admin.node.factoryResets.get());
        assertEquals("/claim", second.get("/dashboard").location(), "every session ends and the box is unclaimed again");
    }

    private void assertResetError(Map<String, String> fields, String field, String message) {
        TestClient.Response r = owner.post("/actions/factory-reset", fields);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"" + field + "-error\">" + message + "</p>"), r.body());
    }

    @Test
    void factoryResetPasswordGuessesAreThrottled() {
        for (int i = 0; i < 5; i++) {
            assertEquals(400, owner.post("/actions/factory-reset", Map.of("resetPassword", "guess " + i, "resetConfirm", "on")).status());
        }
        TestClient.Response r = owner.post("/actions/factory-reset", Map.of("resetPassword", "guess", "resetConfirm", "on"));
        assertEquals(429, r.status());
        assertTrue(r.header("Retry-After").isPresent());
        assertEquals(0, admin.node.factoryResets.get());
    }
}
