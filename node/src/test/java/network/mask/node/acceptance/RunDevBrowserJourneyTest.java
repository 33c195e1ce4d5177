package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.mask.webui.backup.BackupCipher;
import network.mask.webui.browser.BrowserPage;
import network.mask.webui.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 5's browser check on a REAL node: Debian's headless Chromium, driven by Selenium, takes a
 * fresh {@code masknode run --dev} from the claim (one-time code read from the node's console)
 * through the wizard to the dashboard, sees the live figures move while real Sphinx test traffic
 * flows through the node, downloads a backup that holds the node's keys, logs out and in again.
 * Screenshots go to target/screenshots/node-*.png.
 */
@Tag("browser")
class RunDevBrowserJourneyTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = RunDevAcceptanceTest.PASSWORD;
    private static final String WALLET = "n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf";   // from web-ui's wallet tests
    private static final Pattern RATE = Pattern.compile("(\\d+\\.\\d)/s");

    @TempDir
    Path dir;

    private ChromeDriver driver;
    private BrowserPage page;

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    @Test
    void freshDevNodeFromClaimToLiveDashboardBackupAndLoginAgain() throws Exception {
        Path data = dir.resolve("data");
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        try (DevNodeProcess node = DevNodeProcess.start("run-dev-browser", data)) {
            driver = Chromium.start(Files.createDirectories(dir.resolve("profile")), downloads);
            page = new BrowserPage(driver, Duration.ofSeconds(20));
            node.awaitListening();
            String code = node.claimCode();

            driver.get(node.adminBase().toString());
            page.waitForPath("/claim");
            shot("01-claim");
            page.type("code", code);
            page.click("claim-continue");
            page.waitForPath("/claim/password");
            page.type("password", PASSWORD);
            page.type("confirm", PASSWORD);
            page.click("claim-set-password");

            page.waitForPath("/setup/node");
            page.type("name", "Desk node");
            page.type("description", "Acceptance run on a PC.");
            page.click("save");

            page.waitForPath("/setup/network");
            page.type("publicHost", "127.0.0.1");   // dev mode accepts a home address
            page.type("mixPort", Integer.toString(node.mixPort()));
            page.type("apiPort", Integer.toString(node.apiPort()));
            page.click("check-reachability");
            // The real checker connects from the box to the announced address: both ports answer.
            page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("reachability"), "The box reached its own address."));
            shot("02-network-check");
            page.click("save");

            page.waitForPath("/setup/wallet");
            page.type("wallet", WALLET.replace("artf", "artg"));
            page.click("save");
            page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wallet-error"), "checksum does not match"));
            page.type("wallet", WALLET);
            page.click("save");

            page.waitForPath("/setup/mqtt");
            page.click("save");   // no broker: MQTT off

            page.waitForPath("/setup/led");
            page.type("ledBrightness", "40");
            page.click("save");

            page.waitForPath("/setup/keys");
            // The saved public address is not in use until a restart, and the terms are not accepted:
            // the checklist says so and shows no bonding details yet.
            assertEquals("todo", driver.findElement(By.id("check-host")).getDomAttribute("class"));
            assertEquals("todo", driver.findElement(By.id("check-terms")).getDomAttribute("class"));
            assertTrue(driver.findElements(By.id("identity-key")).isEmpty());
            shot("03-bonding-checklist");
            page.click("fix-check-terms");
            page.await().until(d -> d.getCurrentUrl().contains("/settings#section-terms"));
            page.click("acceptTerms");
            page.click("save-terms");
            page.await().until(ExpectedConditions.presenceOfElementLocated(By.id("restart-notice")));
            page.click("restart-now");
            page.waitForPath("/dashboard");   // back by itself, still logged in
            driver.get(node.adminBase().resolve("/bonding").toString());
            String identity = node.publishedKeys().getString("ed25519_identity");
            assertEquals(identity, driver.findElement(By.id("identity-key")).getDomProperty("value"),
                    "the bonding page shows the node's whole identity key");
            shot("03-keys");
            driver.get(node.adminBase().resolve("/dashboard").toString());

            page.waitForPath("/dashboard");
            page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "updated"));
            shot("04-dashboard-idle");
            try (SphinxTraffic traffic = SphinxTraffic.towards(node, dir.resolve("sink"))) {
                traffic.startSteady(50);
                // Live figures, pushed by the node, move off zero while the packets flow.
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> rate("rate-in") > 0 && rate("rate-out") > 0);
                // A few seconds of traffic, so the chart has a line and not just a point.
                assertTrue(traffic.awaitDelivered(150, Duration.ofSeconds(30)),
                        traffic.delivered() + " of " + traffic.sent() + " packets reached the sink");
                String points = driver.findElement(By.id("line-in")).getDomAttribute("points");
                assertTrue(points != null && points.split(" ").length >= 3, "the chart draws the incoming rate: " + points);
                int peers = Integer.parseInt(page.text("peers"));
                assertTrue(peers >= 1, "the sink is a peer: " + peers);
                shot("05-dashboard-traffic");
                assertTrue(traffic.sending(), "the node kept accepting the traffic");
                assertEquals(0, traffic.corrupt());
            }

            driver.get(node.adminBase().resolve("/maintenance").toString());
            page.type("backupPassphrase", "my backup phrase");
            page.type("backupConfirm", "my backup phrase");
            page.click("download-backup");
            Path backup = page.waitForDownload(downloads, ".mnbackup");
            Map<String, byte[]> files = new BackupCipher().decrypt(Files.readAllBytes(backup), "my backup phrase");
            byte[] identityKeyFile = Files.readAllBytes(data.resolve("keys").resolve("identity_ed25519.key"));
            assertTrue(files.values().stream().anyMatch(v -> Arrays.equals(v, identityKeyFile)),
                    "the backup holds the node's identity key file; it has " + files.keySet());

            page.click("logout");
            page.waitForPath("/login?loggedOut");
            shot("06-login");
            page.type("password", PASSWORD);
            page.click("login-submit");
            page.waitForPath("/dashboard");
            assertEquals("Dashboard", driver.findElement(By.tagName("h1")).getText());
            shot("07-dashboard-again");

            List<String> problems = Chromium.consoleProblems(driver).stream()
                    .filter(p -> !p.contains("/setup/wallet - Failed to load resource: the server responded with a status of 400"))
                    .filter(p -> !p.contains("/alive - Failed to load resource"))   // polled while the node restarts
                    .toList();
            assertEquals(List.of(), problems, "no CSP violations, script errors or missing files");
            assertTrue(node.isAlive(), node.output());
        }
    }

    private double rate(String id) {
        Matcher m = RATE.matcher(page.text(id));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private void shot(String name) {
        Chromium.screenshot(driver, SHOTS.resolve("node-" + name + ".png"));
    }
}
