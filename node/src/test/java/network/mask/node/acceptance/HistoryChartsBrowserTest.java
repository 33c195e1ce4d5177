package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import network.mask.node.history.HistoryFile;
import network.mask.node.history.HistoryRing;
import network.mask.node.history.HistoryWiring;
import network.mask.webui.browser.BrowserPage;
import network.mask.webui.browser.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The history charts on a real node's dashboard, in Debian's headless Chromium. The node starts on
 * a history file of 30 days (written beforehand with the node's own format: a daily traffic wave,
 * two hours switched off, the network seeing it after the first days, temperatures and rewards),
 * then carries real Sphinx packets that must show up in the same history. Screenshots of the page
 * and of each chart go to target/screenshots/history-*.png.
 */
@Tag("browser")
class HistoryChartsBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = RunDevAcceptanceTest.PASSWORD;
    private static final Pattern CLOCK_TICK = Pattern.compile("\\d\\d:\\d\\d");
    private static final Pattern DAY_TICK = Pattern.compile("\\d{1,2}/\\d{1,2}");

    @TempDir
    Path dir;

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    @Test
    void thirtyDaysOfHistoryAndTodaysRealPacketsAreChartedWithTimeAxes() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("masknode.toml"), "[api]\nmetrics_token = \"" + ReplayAfterKillTest.TOKEN + "\"\n");
        HistoryRing seeded = thirtyDays(Instant.now().minusSeconds(120));
        HistoryFile.save(data.resolve(HistoryWiring.FILE_NAME), seeded);

        try (DevNodeProcess node = DevNodeProcess.start("history-browser", data)) {
            node.awaitListening();
            node.awaitOutput(Pattern.compile("history: kept since"), DevNodeProcess.START_TIMEOUT);
            driver = Chromium.start(Files.createDirectories(dir.resolve("profile")), Files.createDirectories(dir.resolve("dl")));
            BrowserPage page = new BrowserPage(driver, Duration.ofSeconds(30));
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

            try (SphinxTraffic traffic = SphinxTraffic.towards(node, dir.resolve("sink"))) {
                traffic.sendAll(traffic.frames(120));
                ReplayAfterKillTest.awaitMetric(node, ReplayAfterKillTest.SENT_ON, 120);
            }
            // The recorder samples every 5 s; the page reads what it holds.
            driver.get(node.adminBase().resolve("/dashboard").toString());
            page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "updated"));
            Boolean counted = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
                Map<?, ?> totals = totals();
                if (((Number) totals.get("in")).longValue() < seeded.totalIn() + 120) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            });
            assertTrue(counted);
            page.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "updated"));
            assertEquals(seeded.totalIn() + 120, ((Number) totals().get("in")).longValue(),
                    "the node adds its real packets to the history it found on disk");

            checkChart("chart-minutes", "packets/min", CLOCK_TICK, "series-in");
            checkChart("chart-hours", "packets/h", DAY_TICK, "series-in");
            checkChart("chart-temperature", "°C", CLOCK_TICK, "series-temperature");
            checkChart("chart-rewards", "NYM/day", DAY_TICK, "series-rewards");
            WebElement strip = driver.findElement(By.id("chart-strip"));
            assertTrue(strip.findElements(By.cssSelector("rect.strip-up")).size() >= 2,
                    "the two hours switched off split the 'on' strip");
            assertTrue(strip.findElements(By.cssSelector("rect.strip-seen")).size() >= 1);
            assertTrue(page.text("packets-today").matches(".+ in · .+ out · .+ dropped"), page.text("packets-today"));
            assertTrue(page.text("packets-total").matches(".+ in · .+ out · .+ dropped"), page.text("packets-total"));

            // What the network sees: read from the node's own public API; system information not shared by default.
            String tier = "(unknown|negligible|low|medium|high|very high|at capacity)";
            assertTrue(page.text("public-load").matches("total " + tier + ", machine " + tier + ", network " + tier), page.text("public-load"));
            assertEquals("not shared", page.text("public-system-info"));
            assertEquals("Home Assistant (MQTT) is off.", page.text("home-assistant"), "MQTT's state in words, not a code");

            Chromium.screenshot(driver, SHOTS.resolve("history-dashboard.png"));
            for (String[] c : new String[][] {{"chart-minutes", "packets-48h"}, {"chart-strip", "on-and-seen-48h"},
                    {"chart-hours", "packets-30d"}, {"chart-temperature", "temperature-24h"}, {"chart-rewards", "rewards-30d"}, {"public-view", "public-view"}}) {
                WebElement e = driver.findElement(By.id(c[0]));
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", e);
                Files.createDirectories(SHOTS);
                Files.copy(e.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("history-" + c[1] + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> problems = Chromium.consoleProblems(driver);
            assertEquals(List.of(), problems, "no CSP violations, script errors or missing files");
        }
    }

    private void checkChart(String id, String unit, Pattern tick, String seriesClass) {
        WebElement chart = driver.findElement(By.id(id));
        List<String> texts = chart.findElements(By.tagName("text")).stream().map(WebElement::getText).toList();
        assertTrue(texts.contains(unit), id + " names its unit " + unit + ": " + texts);
        assertTrue(texts.stream().filter(t -> tick.matcher(t).matches()).count() >= 3, id + " has a time axis: " + texts);
        List<WebElement> lines = chart.findElements(By.cssSelector("polyline." + seriesClass));
        assertTrue(!lines.isEmpty() && lines.get(0).getDomAttribute("points").split(" ").length >= 2,
                id + " draws " + seriesClass);
    }

    private Map<?, ?> totals() {
        Object r = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/history', {cache: 'no-store'}).then(r => r.json()).then(h => done(h.totals));");
        return (Map<?, ?>) r;
    }

    /** 30 days up to {@code end}: a daily wave of traffic, off for two hours yesterday, seen by the network after day 3. */
    static HistoryRing thirtyDays(Instant end) {
        Instant start = end.minus(Duration.ofDays(30));
        HistoryRing r = HistoryRing.fresh(start);
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
            long age = Duration.between(t, end).toMinutes();
            if (age >= 20 * 60 && age < 22 * 60) continue;   // switched off
            double dayPhase = (t.getEpochSecond() % 86_400) / 86_400.0;
            long in = Math.round(3_000 + 2_000 * Math.sin(2 * Math.PI * dayPhase));
            long dropped = Math.round(in * 0.004);
            boolean seen = Duration.between(start, t).toDays() >= 3;
            double temperature = 48 + 6 * Math.sin(2 * Math.PI * dayPhase) + (age < 60 ? 4 : 0);
            long rewardsUnym = seen ? Math.round((1.2 + 0.5 * Math.sin(t.getEpochSecond() / 86_400.0)) * 1_000_000
                    * Math.min(1, dayPhase * 1.2)) : -1;
            r.record(t, in, in - dropped, dropped, seen, OptionalDouble.of(temperature),
                    rewardsUnym < 0 ? OptionalLong.empty() : OptionalLong.of(rewardsUnym));
        }
        return r;
    }
}
