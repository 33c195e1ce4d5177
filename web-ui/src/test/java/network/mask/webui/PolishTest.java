package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The walkthrough's small findings on the page (finding 29, 30). */
class PolishTest {

    private final AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void aMissingPageIsAPageOfTheSiteWithAWayBack() {
        TestClient owner = admin.claimed();
        TestClient.Response r = owner.get("/no-such-page");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("<h1>Page not found</h1>") && r.body().contains("href=\"/\""), r.body());
    }

    @Test
    void everyPasswordFieldHasAShowToggle() {
        TestClient owner = admin.claimed();
        String page = owner.get("/password").body();
        for (String field : new String[] {"currentPassword", "newPassword"}) {
            assertTrue(page.contains("<button type=\"button\" class=\"show-password secondary\" id=\"" + field + "-show\" data-show=\""
                    + field + "\" aria-controls=\"" + field + "\" aria-pressed=\"false\""), page);
        }
        assertTrue(page.contains("aria-label=\"Show current password\" hidden>Show</button>"), "hidden until app.js wires it: " + page);
        assertTrue(owner.get("/setup/mqtt").body().contains("id=\"mqttPassword-show\""));
        assertTrue(owner.get("/maintenance").body().contains("id=\"backupPassphrase-show\""));
        assertTrue(admin.client().get("/login").body().contains("id=\"password-show\""));
        assertFalse(owner.get("/setup/led").body().contains("show-password"), "only password fields get one");
    }

    @Test
    void theCurrentPasswordIsNotANewOne() {
        TestClient owner = admin.claimed();
        owner.get("/password");
        TestClient.Response r = owner.post("/password", Map.of("currentPassword", AdminFixture.PASSWORD,
                "newPassword", AdminFixture.PASSWORD, "confirmPassword", AdminFixture.PASSWORD));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("This is the current password. Choose a new one."), r.body());
    }

    @Test
    void brightnessWithAPercentSignIsUnderstoodAndTheApiPortIsSpeltInCapitals() {
        TestClient owner = admin.claimed();
        owner.get("/setup/led");
        assertEquals(303, owner.post("/setup/led", Map.of("ledBrightness", "50%", "ledOn", "on")).status());
        assertEquals(50, admin.node.settings.get().led().brightnessPercent());
        owner.get("/setup/network");
        TestClient.Response r = owner.post("/setup/network", Map.of("publicHost", "node.example.net", "mixPort", "1789", "apiPort", ""));
        assertTrue(r.body().contains("Enter the API port."), r.body());
        assertFalse(r.body().contains("Enter the api port."), r.body());
    }

    @Test
    void identifySaysHowLongAndCanBeStopped() {
        TestClient owner = admin.claimed();
        owner.get("/dashboard");
        assertEquals(303, owner.post("/actions/identify", Map.of()).status());
        String page = owner.get("/dashboard").body();
        assertTrue(page.contains("blink for 30 seconds"), page);
        assertTrue(page.contains("id=\"identify-stop\""), page);
        assertEquals(303, owner.post("/actions/identify/stop", Map.of()).status());
        assertEquals(1, admin.node.identifyStops.get());
    }

    @Test
    void ipv6AddressesAreShownShort() {
        TestClient owner = admin.claimed();
        owner.get("/setup/mqtt");
        assertEquals(303, owner.post("/setup/mqtt", Map.of("mqttUrl", "tcp://[fd00:0:0:0:0:0:0:5]:1883", "mqttUser", "",
                "mqttPassword", "")).status());
        assertEquals("tcp://[fd00::5]:1883", admin.node.settings.get().mqtt().url());
    }
}
