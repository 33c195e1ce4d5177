package network.mask.webui;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.webui.spi.StatusReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dashboard's "on the network?" card: what the node's status model says, escaped, with only local fix links. */
class StatusCardRoutesTest extends OwnerRoutesTest {

    private static final StatusReport NOT_BONDED = new StatusReport("amber", List.of(
            new StatusReport.Item("not-bonded", "amber", "Lists no <b>bond</b> for it.", "/setup/keys", "Bond your node"),
            new StatusReport.Item("cpu-hot", "amber", "The processor is hot.", "https://evil.example/", "Click me")),
            "Reached from the internet 3 minutes ago (by the network's directory).", List.of(),
            List.of(new StatusReport.Fact("Bonded node id", "none yet")));

    @BeforeEach
    void onTheDashboard() {
        finishWizard();
    }

    @Test
    void aNodeWithoutAStatusModelIsGreyNeverGreen() {
        String page = owner.get("/dashboard").body();
        assertTrue(page.contains("<circle id=\"state-lamp\" cx=\"10\" cy=\"10\" r=\"8\" fill=\"#9e9e9e\"/>"), page);
        assertTrue(page.contains("data-light=\"grey\" data-code=\"unknown\">The node has not reported its status.</strong>"), page);
        assertTrue(page.contains("<script src=\"/static/status.js\" defer></script><script src=\"/static/dashboard.js\" defer></script>"));
    }

    @Test
    void theCardShowsTheFirstConditionWithItsFixAndTheRestBelow() {
        admin.node.status.set(NOT_BONDED);
        String page = owner.get("/dashboard").body();
        assertTrue(page.contains("fill=\"#ffb300\""), "amber lamp");
        assertTrue(page.contains("data-light=\"amber\" data-code=\"not-bonded\">Lists no &lt;b&gt;bond&lt;/b&gt; for it.</strong>"), page);
        assertTrue(page.contains("<p id=\"state-fix\"><a href=\"/setup/keys\">Bond your node</a></p>"), page);
        assertTrue(page.contains("<li data-code=\"cpu-hot\">The processor is hot. </li>"), "no link off the site: " + page);
        assertFalse(page.contains("evil.example"));
        assertTrue(page.contains("<p id=\"reach-evidence\">Reached from the internet 3 minutes ago (by the network&#39;s directory).</p>"),
                page);
        assertTrue(page.contains("<div><dt>Bonded node id</dt><dd>none yet</dd></div>"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theStatusIsPushedWithTheFigures() throws Exception {
        admin.node.status.set(NOT_BONDED);
        HttpRequest req = HttpRequest.newBuilder(admin.base.resolve("/events")).header("Cookie", owner.cookie()).GET().build();
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String data = statusEvent(lines);
            assertTrue(data.contains("\"light\":\"amber\",\"colour\":\"#ffb300\""), data);
            assertTrue(data.contains("{\"code\":\"not-bonded\",\"light\":\"amber\",\"sentence\":\"Lists no <b>bond</b> for it.\","
                    + "\"fixPath\":\"/setup/keys\",\"fixLabel\":\"Bond your node\"}"), data);
            assertTrue(data.contains("\"fixPath\":\"\",\"fixLabel\":\"Click me\""), "no link off the site: " + data);
            admin.node.status.set(new StatusReport("green", List.of(new StatusReport.Item("working", "green", "Working.", "", "")),
                    "Reached.", List.of(), List.of()));
            do {
                data = statusEvent(lines);
            } while (!data.contains("\"working\""));
            assertTrue(data.startsWith("{\"light\":\"green\",\"colour\":\"#00c853\""), data);
        }
    }

    private static String statusEvent(BufferedReader lines) throws Exception {
        String line;
        boolean status = false;
        while ((line = lines.readLine()) != null) {
            if (line.equals("event:status")) status = true;
            else if (line.startsWith("data:") && status) return line.substring(5);
            else if (line.isEmpty()) status = false;
        }
        throw new AssertionError("stream ended");
    }
}
