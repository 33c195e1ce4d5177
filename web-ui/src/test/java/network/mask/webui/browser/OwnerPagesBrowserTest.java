package network.mask.webui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import network.mask.webui.AdminFixture;
import network.mask.webui.FakeNode;
import network.mask.webui.WalletMessages;
import network.mask.webui.backup.BackupCipher;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.spi.LedSettings;
import network.mask.webui.spi.NodeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14's owner pages in a real headless Chromium, at a laptop's and a phone's width: every
 * settings section saved on its own, a port change with its restart notice, the bonding checklist
 * with a refused wallet message for another node, and a bonded node's factory reset offering the
 * backup first. Screenshots go to target/screenshots/owner-*.png.
 */
@Tag("browser")
class OwnerPagesBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String IDENTITY = "4yRfauFzZnejJhG2FACTVQ7UnYEcFUYw3HzXrmuwLMaR";
    private static final NodeSettings SET_UP = new NodeSettings("Attic node", "", "node.example.net", 1789, 8080, "",
            FakeNode.FRESH.mqtt(), new LedSettings(80, true));

    @TempDir
    Path profile;
    @TempDir
    Path downloads;

    private AdminFixture admin;
    private ChromeDriver driver;
    private BrowserPage page;
    private int width;

    private void open(int windowWidth) {
        width = windowWidth;
        admin = AdminFixture.start(c -> c.withDevMode(false));
        admin.node.passwordHash.set(new PasswordHasher(AdminFixture.CHEAP).hash(AdminFixture.PASSWORD));
        admin.node.settings.set(SET_UP);
        admin.node.running.set(SET_UP);
        driver = Chromium.start(profile, downloads);
        driver.manage().window().setSize(new Dimension(windowWidth, windowWidth < 600 ? 844 : 900));
        page = new BrowserPage(driver, Duration.ofSeconds(15));
        driver.get(admin.base.resolve("/login").toString());
        page.type("password", AdminFixture.PASSWORD);
        page.click("login-submit");
        page.waitForPath("/dashboard");
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            List<String> problems = Chromium.consoleProblems(driver).stream()
                    .filter(p -> !p.contains("the server responded with a status of 400")).toList();
            driver.quit();
            assertEquals(List.of(), problems, "no CSP violations, script errors or missing files");
        }
        if (admin != null) {
            admin.close();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void everySettingsSectionIsSavedOnItsOwn(int windowWidth) {
        open(windowWidth);
        driver.findElement(By.linkText("Settings")).click();
        page.waitForPath("/settings");
        shot("settings");

        save("node", () -> page.type("website", "https://attic.example.net"), "Node");
        assertEquals("https://attic.example.net", admin.node.fields.get("node.website"));
        assertEquals(List.of(Map.of("node.website", "https://attic.example.net", "node.security_contact", "")),
                admin.node.fieldApplies, "only the node section's keys");
        assertTrue(admin.node.applied.isEmpty(), "name unchanged: nothing else written");

        save("internet", () -> page.type("publicHost", "home.example.net"), "Internet");
        assertEquals("home.example.net", admin.node.settings.get().publicHost());

        save("terms", () -> {
            page.click("acceptTerms");
            page.type("location", "de");
        }, "Network terms and location");
        assertEquals("true", admin.node.fields.get("node.accepted_operator_terms_and_conditions"));
        assertEquals("DE", admin.node.fields.get("node.location"));

        // A value the node's config rules refuse: the error sits at its field, nothing is saved.
        int applies = admin.node.fieldApplies.size();
        page.type("location", "XX");
        page.click("save-terms");
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("location-error")));
        assertTrue(page.text("location-error").contains("two-letter country code"), page.text("location-error"));
        assertEquals(applies, admin.node.fieldApplies.size());
        shot("settings-terms-refused");
        driver.get(admin.base.resolve("/settings").toString());

        save("wallet", () -> page.type("wallet", "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"), "Wallet");
        assertEquals("n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf", admin.node.settings.get().wallet());

        save("home-assistant", () -> {
            page.type("mqttUrl", "mqtt://homeassistant.local:1883");
            page.type("mqttDiscoveryPrefix", "ha");
        }, "Home Assistant");
        assertEquals("tcp://homeassistant.local:1883", admin.node.settings.get().mqtt().url());
        assertEquals("ha", admin.node.fields.get("mqtt.discovery_prefix"));

        save("lights", () -> page.type("ledBrightness", "25"), "Lights");
        assertEquals(25, admin.node.settings.get().led().brightnessPercent());

        save("security", () -> page.click("adminTls"), "Setup page security");
        assertEquals("true", admin.node.fields.get("admin.tls"));

        save("advanced", () -> {
            page.type("metricsToken", "a long prometheus token");
            page.click("exposeSystemInfo");
        }, "Advanced");
        assertEquals("a long prometheus token", admin.node.fields.get("api.metrics_token"));
        assertEquals("false", admin.node.fields.get("api.expose_system_info"));
        assertFalse(driver.getPageSource().contains("a long prometheus token"), "the token is never sent back");
        // Each save kept what the others saved.
        assertEquals("https://attic.example.net", admin.node.fields.get("node.website"));
        NodeSettings s = admin.node.settings.get();
        assertEquals(List.of("Attic node", "home.example.net", "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf", 25),
                List.of(s.name(), s.publicHost(), s.wallet(), s.led().brightnessPercent()));
        assertEquals("DE", admin.node.fields.get("node.location"));
        shot("settings-saved");
    }

    /** Changes one section, saves it, and checks that exactly that section said "saved". */
    private void save(String slug, Runnable change, String title) {
        int settingsWrites = admin.node.applied.size();
        int fieldWrites = admin.node.fieldApplies.size();
        change.run();
        page.click("save-" + slug);
        page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), title + ": saved."));
        int writes = admin.node.applied.size() - settingsWrites + admin.node.fieldApplies.size() - fieldWrites;
        assertTrue(writes >= 1 && writes <= 2, writes + " writes for the " + title + " section");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void aPortChangeSaysItWaitsForARestart(int windowWidth) {
        open(windowWidth);
        driver.get(admin.base.resolve("/settings#section-internet").toString());
        page.type("mixPort", "1790");
        page.click("save-internet");
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("restart-notice")));
        assertTrue(page.text("restart-notice").contains("mix port 1790 (now 1789 until the restart)"), page.text("restart-notice"));
        shot("port-change-restart-notice");
        driver.get(admin.base.resolve("/bonding").toString());
        assertTrue(page.text("restart-notice").contains("mix port 1790"), "every owner page says it");
        driver.get(admin.base.resolve("/dashboard").toString());
        page.click("restart-now");
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("restart-progress")));
        assertTrue(page.text("restart-progress").contains("returns to the dashboard by itself"));
        assertEquals(1, admin.node.awaitRestarts(1));
        shot("restarting");
        driver.get(admin.base.resolve("/dashboard").toString());
        assertTrue(driver.findElements(By.id("restart-notice")).isEmpty(), "after the restart nothing waits");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void bondingChecklistThenARefusedWalletMessageForAnotherNode(int windowWidth) {
        open(windowWidth);
        driver.findElement(By.linkText("Bonding")).click();
        page.waitForPath("/bonding");
        assertEquals("todo", driver.findElement(By.id("check-terms")).getDomAttribute("class"));
        assertEquals("unknown", driver.findElement(By.id("check-reachable")).getDomAttribute("class"));
        assertTrue(page.text("check-reachable").contains("Unknown yet"));
        assertTrue(driver.findElements(By.id("identity-key")).isEmpty(), "no bonding details before the checklist passes");
        shot("bonding-checklist");

        page.click("fix-check-terms");
        page.await().until(d -> d.getCurrentUrl().contains("/settings#section-terms"));
        page.click("acceptTerms");
        page.click("save-terms");
        page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "saved"));
        admin.node.reachableFromOutside.set(true);
        driver.get(admin.base.resolve("/bonding").toString());
        assertEquals("done", driver.findElement(By.id("check-terms")).getDomAttribute("class"));
        assertEquals(IDENTITY, driver.findElement(By.id("identity-key")).getDomProperty("value"));

        String foreign = WalletMessages.bonding("B6rBLVrn6t7fStFDEt1Hq5ahYc7Fs7vDFtqmjX2YUPqk", "node.example.net", null);
        page.type("contractMessage", foreign);
        page.click("sign");
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("contractMessage-error")));
        assertTrue(page.text("contractMessage-error").startsWith("Not signed: it bonds the identity key B6rBLVrn6t7fStFDEt1Hq5ahYc7Fs7vDFtqmjX2YUPqk"),
                page.text("contractMessage-error"));
        assertTrue(admin.node.signedMessages.isEmpty());
        shot("bonding-refused");

        String ours = WalletMessages.bonding(IDENTITY, "node.example.net", 8080);
        page.type("contractMessage", ours);
        page.click("sign");
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("signature")));
        assertEquals(List.of(ours), admin.node.signedMessages);

        admin.node.bondedNodeId.set(1234L);
        driver.get(admin.base.resolve("/bonding").toString());
        assertTrue(page.text("bond-state").startsWith("Bonded as node #1234"), page.text("bond-state"));
        shot("bonding-bonded");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void factoryResetOfABondedNodeOffersTheBackupFirst(int windowWidth) throws Exception {
        open(windowWidth);
        admin.node.bondedNodeId.set(1234L);
        driver.findElement(By.linkText("Maintenance")).click();
        page.waitForPath("/maintenance");
        String warning = page.text("reset-bonded");
        assertTrue(warning.contains("This node is bonded as node #1234"), warning);
        assertTrue(warning.contains("until you unbond it"), warning);
        assertTrue(warning.contains("every delegation"), warning);
        shot("maintenance-bonded");

        page.click("reset-backup-first");
        page.await().until(d -> d.getCurrentUrl().endsWith("#backup"));
        page.type("backupPassphrase", "my backup phrase");
        page.type("backupConfirm", "my backup phrase");
        page.click("download-backup");
        Path backup = page.waitForDownload(downloads, ".mnbackup");
        assertTrue(backup.getFileName().toString().startsWith("masknode-attic-node-"), backup.toString());
        assertTrue(new BackupCipher(AdminFixture.CHEAP).decrypt(Files.readAllBytes(backup), "my backup phrase")
                .containsKey("keys/identity.key"));

        page.type("resetPassword", AdminFixture.PASSWORD);
        page.click("resetConfirm");
        page.click("factory-reset");
        page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("resetBackupDone-error")));
        assertEquals(0, admin.node.factoryResets.get(), "not without the backup tick");
        shot("maintenance-reset-refused");
        page.type("resetPassword", AdminFixture.PASSWORD);
        page.click("resetBackupDone");
        page.click("resetConfirm");
        page.click("factory-reset");
        page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Resetting"));
        assertEquals(1, admin.node.factoryResets.get());
    }

    private void shot(String name) {
        Object overflow = driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, name + " scrolls sideways by " + overflow + " px at " + width);
        Chromium.screenshot(driver, SHOTS.resolve("owner-" + name + "-" + width + ".png"));
    }
}
