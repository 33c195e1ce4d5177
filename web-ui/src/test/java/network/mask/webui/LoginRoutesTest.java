package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginRoutesTest extends OwnerRoutesTest {


    @BeforeEach
    void setUp() {
        admin.completeSettings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/setup", "/setup/node", "/setup/network", "/setup/wallet", "/setup/mqtt",
            "/setup/led", "/setup/keys", "/password", "/no-such-page"})
    void withoutASessionEveryPageRedirectsToLogin(String path) {
        TestClient.Response r = admin.client().get(path);
        assertEquals(303, r.status());
        assertEquals("/login", r.location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/logout", "/setup/node", "/setup/network", "/setup/network/check", "/setup/wallet", "/setup/mqtt",
            "/setup/mqtt/test", "/setup/led", "/setup/keys/sign", "/actions/identify", "/actions/restart",
            "/actions/factory-reset", "/backup", "/restore", "/password"})
    void withoutASessionEveryFormPostRedirectsToLoginAndDoesNothing(String path) {
        TestClient c = admin.client();
        c.get("/login");
        TestClient.Response r = c.post(path, Map.of("resetPassword", AdminFixture.PASSWORD, "resetConfirm", "on", "name", "x"));
        assertEquals(303, r.status());
        assertEquals("/login", r.location());
        assertEquals(0, admin.node.factoryResets.get() + admin.node.restarts.get() + admin.node.identifies.get());
        assertTrue(admin.node.applied.isEmpty());
    }

    @Test
    void liveFiguresWithoutASessionAre401() {
        assertEquals(401, admin.client().get("/events").status());
    }

    @Test
    void rightPasswordLogsInWithAFreshSession() {
        TestClient c = admin.client();
        TestClient.Response page = c.get("/login");
        assertTrue(page.body().contains("<label for=\"password\">Password</label>"));
        String before = c.cookie();
        TestClient.Response r = c.post("/login", Map.of("password", AdminFixture.PASSWORD));
        assertEquals(303, r.status());
        assertEquals("/", r.location());
        assertNotEquals(before, c.cookie());
        assertEquals("/dashboard", c.get("/").location());
        assertEquals(200, c.get("/dashboard").status());
        assertEquals("/", c.get("/login").location(), "a logged-in owner skips the login page");
    }

    @Test
    void ownersWithAnUnfinishedWizardLandOnIt() {
        admin.node.settings.set(FakeNode.FRESH);
        assertEquals("/setup/node", admin.loggedIn().get("/").location());
    }

    @Test
    void wrongPasswordIs401WithAMessage() {
        TestClient c = admin.client();
        c.get("/login");
        TestClient.Response r = c.post("/login", Map.of("password", "not the password"));
        assertEquals(401, r.status());
        assertTrue(r.body().contains("id=\"password-error\">Wrong password.</p>"), r.body());
        assertEquals("/login", c.get("/dashboard").location());
    }

    @Test
    void repeatedFailuresGet429WithRetryAfter() {
        TestClient c = admin.client();
        c.get("/login");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, c.post("/login", Map.of("password", "guess " + i)).status());
        }
        TestClient.Response r = c.post("/login", Map.of("password", "guess 5"));
        assertEquals(429, r.status());
        assertEquals("30", r.header("Retry-After").orElseThrow());
        assertTrue(r.body().contains("Wait 30 seconds"), r.body());

        r = c.post("/login", Map.of("password", AdminFixture.PASSWORD));
        assertEquals(429, r.status(), "no password is checked while locked");
        admin.clock.advance(Duration.ofSeconds(10));
        assertEquals("20", c.post("/login", Map.of("password", AdminFixture.PASSWORD)).header("Retry-After").orElseThrow());

        admin.clock.advance(Duration.ofSeconds(21));
        assertEquals(303, c.post("/login", Map.of("password", AdminFixture.PASSWORD)).status());
        assertEquals(5, admin.server.counters().wrongPasswords(), "the sixth guess was refused before the hash");
        assertEquals(3, admin.server.counters().throttled());
    }

    @Test
    void loginNeedsTheCsrfToken() {
        TestClient c = admin.client();
        c.get("/login");
        assertEquals(403, c.postRaw("/login", Map.of("password", AdminFixture.PASSWORD), Map.of()).status());
        assertEquals(403, c.postRaw("/login", Map.of("password", AdminFixture.PASSWORD, "csrf", "x" + c.csrf()), Map.of()).status());
        assertEquals("/login", c.get("/dashboard").location());
    }

    @Test
    void logoutEndsTheSession() {
        TestClient c = admin.loggedIn();
        c.get("/dashboard");
        String cookie = c.cookie();
        assertEquals(403, c.postRaw("/logout", Map.of(), Map.of()).status(), "logout without the token is refused");
        assertEquals(200, c.get("/dashboard").status());
        TestClient.Response r = c.post("/logout", Map.of());
        assertEquals(303, r.status());
        assertEquals("/login?loggedOut", r.location());
        assertTrue(r.header("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertTrue(c.get("/login?loggedOut").body().contains("You are logged out."), "the owner is told");
        TestClient old = admin.client();
        old.useCookie(cookie);
        assertEquals("/login", old.get("/dashboard").location(), "the old cookie is dead on the server too");
    }

    @Test
    void idleSessionsExpire() {
        TestClient c = admin.loggedIn();
        admin.clock.advance(Duration.ofHours(11));
        assertEquals(200, c.get("/dashboard").status());
        admin.clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertEquals("/login", c.get("/dashboard").location());
    }
}
