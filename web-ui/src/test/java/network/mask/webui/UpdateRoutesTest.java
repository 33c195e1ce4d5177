package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.mask.webui.spi.UpdateControl;
import org.junit.jupiter.api.Test;

class UpdateRoutesTest extends OwnerRoutesTest {

    private void offer(String version, String notes, String url) {
        admin.node.updates.status.set(new UpdateControl.Status("0.1.0", Optional.of(new UpdateControl.Available(version, notes, url)),
                true, false, "2026-12-02T04:00:00Z: " + version + " is available",
                Optional.of("0.1.5 was rolled back at 2026-12-01T10:00:00Z to 0.1.0: the new version did not report ready within 600 s."),
                Optional.empty()));
    }

    @Test
    void showsInstalledAvailableNotesAndTheLastOutcome() {
        finishWizard();
        offer("0.2.0", "Faster start <b>and</b> fixes.", "https://example.org/r/0.2.0");
        String page = owner.get("/updates").body();
        assertTrue(page.contains("<a href=\"/updates\">Updates</a>"), "the navigation links here");
        assertTrue(page.contains("id=\"installed-version\">0.1.0"), page);
        assertTrue(page.contains("Version 0.2.0 is available"), page);
        assertTrue(page.contains("Faster start &lt;b&gt;and&lt;/b&gt; fixes."), "notes are escaped: " + page);
        assertTrue(page.contains("href=\"https://example.org/r/0.2.0\""), page);
        assertTrue(page.contains("was rolled back") && page.contains("did not report ready"), page);
        assertTrue(page.contains("id=\"automatic\" name=\"automatic\" type=\"checkbox\" value=\"on\" checked"), page);
    }

    @Test
    void installNowRecordsTheWishForTheOfferedVersionOnly() {
        finishWizard();
        offer("0.2.0", "", "");
        owner.get("/updates");
        TestClient.Response r = owner.post("/updates/install", Map.of("version", "0.2.0"));
        assertEquals(303, r.status(), r.body());
        assertEquals(List.of("install 0.2.0"), admin.node.updates.wishes);
        assertTrue(owner.get("/updates").body().contains("Installing 0.2.0"));

        TestClient.Response stale = owner.post("/updates/install", Map.of("version", "0.3.0"));
        assertEquals(400, stale.status(), stale.body());
        assertTrue(stale.body().contains("not the one on offer"), stale.body());
        assertEquals(List.of("install 0.2.0"), admin.node.updates.wishes, "a version not on offer is not asked for");
    }

    @Test
    void automaticAndCheckNowAreRecorded() {
        finishWizard();
        owner.get("/updates");
        assertEquals(303, owner.post("/updates/automatic", Map.of()).status());
        assertEquals(303, owner.post("/updates/automatic", Map.of("automatic", "on")).status());
        assertEquals(303, owner.post("/updates/check", Map.of()).status());
        assertEquals(List.of("automatic false", "automatic true", "check"), admin.node.updates.wishes);
        assertTrue(owner.get("/updates").body().contains("id=\"up-to-date\""));
    }

    @Test
    void aBoxWithoutTheUpdaterSaysWhy() {
        finishWizard();
        admin.node.updates.status.set(new UpdateControl.Status("0.1.0", Optional.empty(), true, false, "never",
                Optional.empty(), Optional.of("Updates are off: no update feed is configured.")));
        String page = owner.get("/updates").body();
        assertTrue(page.contains("id=\"updates-off\">Updates are off"), page);
        assertFalse(page.contains("Install now"));
    }

    @Test
    void aFormWithoutTheCsrfTokenChangesNothing() {
        finishWizard();
        TestClient stranger = admin.client();
        stranger.useCookie(owner.cookie());
        stranger.post("/updates/check", Map.of());
        assertEquals(List.of(), admin.node.updates.wishes);
    }
}
