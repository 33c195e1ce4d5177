package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.mask.node.keys.IdentityKey;
import network.mask.node.keys.SphinxKey;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapistandin.DescribedNode;
import network.mask.node.nymapistandin.EpochClock;
import network.mask.node.nymapistandin.HttpNodeDescriber;
import network.mask.node.nymapistandin.NymApiStandIn;
import network.mask.webui.browser.BrowserPage;
import network.mask.webui.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's Done-when on a REAL node and Chromium: a {@code masknode run --dev} that asks the
 * nym-api stand-in about itself is walked through fresh (no public address), configured, described
 * by the stand-in, bonded in the stand-in (standby), active (layer 1) and stopped. At each step the
 * dashboard's words and light are checked, and the light (the status card's and the LED mirror's)
 * is never green unless the node is working on the stand-in network. Screenshots go to
 * target/screenshots/status-*.png.
 */
@Tag("browser")
class StatusWalkBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = RunDevAcceptanceTest.PASSWORD;
    private static final String GREEN = "#00c853";
    private static final String GREY = "#9e9e9e";
    /** A second node the stand-in lists, so that its list is never empty (nym-api's never is). */
    private static final URI OTHER_NODE = URI.create("http://127.0.0.9:1/");

    @TempDir
    Path dir;

    private ChromeDriver driver;
    private BrowserPage page;
    private final List<String> lightsSeen = new ArrayList<>();

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    @Test
    void theDashboardTellsEachStepOfJoiningTheNetworkAndIsGreenOnlyWhenWorking() throws Exception {
        EpochClock epochs = EpochClock.startingNow(Duration.ofMinutes(1), 3, Clock.systemUTC());
        HttpNodeDescriber http = new HttpNodeDescriber(true);   // loopback addresses allowed: the whole network is on this PC
        DescribedNode other = otherNode(epochs);
        try (NymApiStandIn standIn = new NymApiStandIn(epochs, api -> api.equals(OTHER_NODE) ? other : http.describe(api), 100).start()) {
            standIn.register(OTHER_NODE, NodeRole.LAYER2);
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.writeString(data.resolve("masknode.toml"), """
                    [node]
                    accepted_operator_terms_and_conditions = true
                    [network]
                    nym_api_urls = "%s"
                    nym_api_timeout = "2s"
                    topology_refresh = "1s"
                    """.formatted(standIn.baseUrl()));
            try (DevNodeProcess node = DevNodeProcess.start("status-walk", data)) {
                driver = Chromium.start(Files.createDirectories(dir.resolve("profile")), Files.createDirectories(dir.resolve("downloads")));
                page = new BrowserPage(driver, Duration.ofSeconds(30));
                node.awaitListening();
                claim(node);

                // 1. Fresh: claimed, but no public address yet.
                driver.get(node.adminBase().resolve("/dashboard").toString());
                awaitCondition("setup-not-finished");
                assertEquals("blue", light());
                assertTrue(headline().startsWith("Setup is not finished: the node has no public internet address"), headline());
                assertEquals("/setup/network", driver.findElement(By.cssSelector("#state-fix a")).getDomAttribute("href"));
                shot("01-fresh");

                // 2. Configured: the address and ports are in; the stand-in answers but has not described the node.
                driver.get(node.adminBase().resolve("/setup/network").toString());
                page.type("publicHost", "127.0.0.1");
                page.type("mixPort", Integer.toString(node.mixPort()));
                page.type("apiPort", Integer.toString(node.apiPort()));
                page.click("save");
                page.waitForPath("/setup/wallet");
                driver.get(node.adminBase().resolve("/dashboard").toString());
                awaitCondition("not-described");
                assertEquals("amber", light());
                assertTrue(headline().startsWith("The network has not described this node yet"), headline());
                assertTrue(page.text("reach-evidence").startsWith("Not reached from the internet yet"), page.text("reach-evidence"));
                assertFalse(driver.findElements(By.cssSelector("#reach-steps li")).isEmpty(), "router steps are shown");
                assertTrue(factsText().contains("Described by the network\nnot yet"), factsText());
                // The LED follows at the board feed's next tick.
                awaitText("led-meaning", "Running, not (yet) working on the network or with a problem: not described");
                shot("02-configured");

                // 3. Described: the stand-in's describer reads the node's public API, as nym-api's does.
                http.describe(node.apiBase());
                awaitCondition("not-bonded");
                assertEquals("amber", light());
                assertTrue(headline().contains("lists no bond for it"), headline());
                awaitText("reach-evidence", "Reached from the internet just now (by the network's directory).");
                awaitFacts("Described by the network\nyes, read just now");
                awaitText("led-meaning", "Running, not (yet) working on the network or with a problem: not bonded");
                shot("03-described");

                // 4. Bonded in the stand-in, on standby this epoch.
                long id = standIn.register(node.apiBase(), NodeRole.STANDBY);
                awaitCondition("not-active");
                assertEquals("amber", light());
                assertTrue(headline().startsWith("Bonded as node #" + id + ", but on standby this epoch"), headline());
                awaitFacts("Bonded node id\n#" + id);
                awaitText("led-meaning", "Running, not (yet) working on the network or with a problem: not active");
                assertTrue(factsText().contains("Role this epoch\nstandby"), factsText());
                assertTrue(factsText().contains("Config score\n1.00"), "the stand-in scores a current nym-node with the terms 1: " + factsText());
                shot("04-bonded-standby");

                // 5. Active: layer 1 in the rewarded set, and reached from outside: green, and only now.
                standIn.assignRole(id, NodeRole.LAYER1);
                awaitCondition("working");
                assertEquals("green", light());
                assertEquals(GREEN, lampFill("state-lamp"));
                assertTrue(headline().startsWith("Working on the network: node #" + id + " mixes in layer 1 this epoch."), headline());
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> GREEN.equals(lampFill("led-lamp")));
                awaitFacts("Role this epoch\nmixing, layer 1");
                // Rewards, estimated by the contract's formula from the stand-in's reward parameters (nym's
                // documented mainnet sample), its default 100 NYM bond and performance 1, with 1-minute epochs:
                // 5,818.37 unym an epoch (RewardsOnTheStandInTest works the formula through by hand).
                awaitFacts("Rewards (estimated)\n0.0058 NYM this epoch, 8.38 NYM a day, 251 NYM in 30 days at this rate "
                        + "(estimated from the network's reward parameters, your stake and performance)");
                shot("05-active");

                // 6. Stopped: the page stops getting updates and says so, in grey.
                node.close();
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "lost-contact".equals(code()));
                assertEquals("grey", light());
                assertEquals(GREY, lampFill("state-lamp"));
                assertEquals(GREY, lampFill("led-lamp"));
                assertTrue(headline().startsWith("Lost contact with the box"), headline());
                shot("06-stopped");
            }
        }
        assertEquals(List.of(), lightsSeen.stream().filter(l -> l.startsWith("green") && !l.endsWith("working")).toList(),
                "green only while working: " + lightsSeen);
        List<String> problems = Chromium.consoleProblems(driver).stream()
                .filter(p -> !p.contains("/events") && !p.contains("ERR_CONNECTION_REFUSED")).toList();
        assertEquals(List.of(), problems, "no CSP violations, script errors or missing files");
    }

    private void claim(DevNodeProcess node) {
        String code = node.claimCode();
        driver.get(node.adminBase().toString());
        page.waitForPath("/claim");
        page.type("code", code);
        page.click("claim-continue");
        page.waitForPath("/claim/password");
        page.type("password", PASSWORD);
        page.type("confirm", PASSWORD);
        page.click("claim-set-password");
        page.waitForPath("/setup/node");
    }

    /**
     * Waits until the live status shows {@code code}, checking at every poll that green only goes
     * with working. The page is read in one script run, so an update cannot land between the reads.
     */
    private void awaitCondition(String code) {
        new WebDriverWait(driver, Duration.ofSeconds(45)).until(d -> {
            @SuppressWarnings("unchecked")
            List<String> now = (List<String>) driver.executeScript("var h = document.getElementById('state-headline');"
                    + "return [h.getAttribute('data-code'), h.getAttribute('data-light'),"
                    + " document.getElementById('state-lamp').getAttribute('fill'),"
                    + " document.getElementById('led-lamp').getAttribute('fill')];");
            String seen = now.get(0);
            lightsSeen.add(now.get(1) + ":" + seen);
            if (!"working".equals(seen)) {
                assertNotEquals(GREEN, now.get(2), "the status light is green while the status is " + seen);
                // The LED mirror comes with the figures, just before the status in each update: checked once the state is reached.
                if (code.equals(seen)) assertNotEquals(GREEN, now.get(3), "the LED mirror is green while the status is " + seen);
            }
            return code.equals(seen);
        });
    }

    private void awaitText(String id, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> page.text(id).equals(text));
    }

    private void awaitFacts(String fact) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> factsText().contains(fact));
    }

    private String code() {
        return driver.findElement(By.id("state-headline")).getDomAttribute("data-code");
    }

    private String light() {
        return driver.findElement(By.id("state-headline")).getDomAttribute("data-light");
    }

    private String headline() {
        return page.text("state-headline");
    }

    private String factsText() {
        return driver.findElement(By.id("network-facts")).getText();
    }

    private String lampFill(String id) {
        return driver.findElement(By.id(id)).getDomAttribute("fill");
    }

    private void shot(String name) {
        Chromium.screenshot(driver, SHOTS.resolve("status-" + name + ".png"));
    }

    private static DescribedNode otherNode(EpochClock epochs) {
        SecureRandom random = new SecureRandom();
        long rotation = epochs.schedule().currentRotationId();
        return new DescribedNode(IdentityKey.generate(random).publicKeyBase58(), List.of("127.0.0.9"), Optional.empty(), 1789,
                new DescribedNode.AnnouncedKey(rotation, SphinxKey.generate(rotation, random).publicKeyBase58()), Optional.empty(),
                Optional.empty(), true, "", "", true);
    }
}
