package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a browser that comes back to the dashboard revalidates its cached page and scripts
 * (If-None-Match and If-Modified-Since). That is the normal case on every visit, so it must log
 * nothing at WARNING or above anywhere (the 304 SEVERE lines once made a healthy box look broken).
 */
class RevalidatedPageViewTest extends OwnerRoutesTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/static/[^\"]+)\"");

    @Test
    void aPageViewFromTheBrowsersCacheLogsNothingAtWarningOrAbove() {
        finishWizard();
        String page = owner.get("/dashboard").body();
        List<String> assets = new ArrayList<>();
        for (Matcher m = ASSET.matcher(page); m.find(); ) assets.add(m.group(1));
        assertTrue(assets.containsAll(List.of("/static/app.css", "/static/app.js", "/static/dashboard.js", "/static/history.js")),
                "the dashboard loads its assets: " + assets);
        List<String> etags = new ArrayList<>();
        List<String> lastModified = new ArrayList<>();
        for (String asset : assets) {
            TestClient.Response first = owner.get(asset);
            assertEquals(200, first.status(), asset);
            etags.add(first.header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + asset)));
            lastModified.add(first.header("Last-Modified").orElse(""));
        }

        try (WarningsAnywhere warnings = new WarningsAnywhere()) {
            // The page itself is no-store, but a browser may still send validators: it is answered in full, quietly.
            TestClient.Response again = owner.send(HttpRequest.newBuilder(admin.base.resolve("/dashboard"))
                    .header("If-Modified-Since", "Wed, 02 Dec 2026 00:00:00 GMT").header("If-None-Match", "\"x\"").GET(), Map.of());
            assertEquals(200, again.status());
            for (int i = 0; i < assets.size(); i++) {
                TestClient.Response byTag = owner.send(HttpRequest.newBuilder(admin.base.resolve(assets.get(i)))
                        .header("If-None-Match", etags.get(i)).GET(), Map.of());
                assertEquals(304, byTag.status(), assets.get(i));
                assertEquals(0, byTag.bytes().length, "a 304 carries no body");
                if (!lastModified.get(i).isEmpty()) {
                    TestClient.Response byDate = owner.send(HttpRequest.newBuilder(admin.base.resolve(assets.get(i)))
                            .header("If-Modified-Since", lastModified.get(i)).GET(), Map.of());
                    // Helidon compares the classpath file's date to the millisecond, so a date may get the file again (200).
                    assertTrue(byDate.status() == 304 || byDate.status() == 200, assets.get(i) + ": " + byDate.status());
                    if (byDate.status() == 304) assertEquals(0, byDate.bytes().length, "a 304 carries no body");
                }
            }
            assertEquals(List.of(), warnings.records(), "a revalidated page view is not a problem");
        }
    }

    /** Every record at WARNING or above from any logger (the root logger's handlers see all). */
    static final class WarningsAnywhere extends Handler implements AutoCloseable {
        private final List<String> records = new CopyOnWriteArrayList<>();

        WarningsAnywhere() {
            setLevel(Level.WARNING);
            Logger.getLogger("").addHandler(this);
        }

        List<String> records() {
            return List.copyOf(records);
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
