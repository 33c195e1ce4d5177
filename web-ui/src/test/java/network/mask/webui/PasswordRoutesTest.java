package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import network.mask.webui.security.PasswordHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordRoutesTest extends OwnerRoutesTest {

    private static final String NEW_PASSWORD = "a new and longer passphrase";

    private String hashBefore;

    @BeforeEach
    void onThePasswordPage() {
        admin.completeSettings();
        hashBefore = admin.node.passwordHash.get();
        TestClient.Response page = owner.get("/password");
        assertEquals(200, page.status());
    }

    private static Map<String, String> change(String current, String next, String repeat) {
        return Map.of("currentPassword", current, "newPassword", next, "confirmPassword", repeat);
    }

    private void assertNothingWritten() {
        assertEquals(hashBefore, admin.node.passwordHash.get(), "the stored hash is unchanged");
    }

    private TestClient.Response login(String password) {
        TestClient c = admin.client();
        c.get("/login");
        return c.post("/login", Map.of("password", password));
    }

    @Test
    void theNavigationLeadsToALabelledForm() {
        String page = owner.get("/dashboard").body();
        assertTrue(page.contains("<a href=\"/password\">Password</a>"), page);
        String form = owner.get("/password").body();
        assertTrue(form.contains("<label for=\"currentPassword\">Current password</label>"), form);
        assertTrue(form.contains("<label for=\"newPassword\">New password</label>"));
        assertTrue(form.contains("<label for=\"confirmPassword\">Repeat the new password</label>"));
        assertTrue(form.contains("name=\"csrf\""));
    }

    @Test
    void changingThePasswordStoresANewHashAndOnlyTheNewPasswordLogsIn() {
        String oldCookie = owner.cookie();
        TestClient.Response r = owner.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(303, r.status(), r.body());
        assertEquals("/dashboard", r.location());
        assertNotEquals(oldCookie, owner.cookie(), "this browser gets a fresh session id");

        String stored = admin.node.passwordHash.get();
        assertNotEquals(hashBefore, stored);
        assertTrue(stored.startsWith("$argon2id$v=19$"), stored);
        assertTrue(new PasswordHasher(AdminFixture.CHEAP).verify(NEW_PASSWORD, stored));

        TestClient.Response dashboard = owner.get("/dashboard");
        assertEquals(200, dashboard.status(), "the browser that changed it stays logged in");
        assertTrue(dashboard.body().contains("Password changed. Every other browser has been logged out."), dashboard.body());

        TestClient stale = admin.client();
        stale.useCookie(oldCookie);
        assertEquals("/login", stale.get("/dashboard").location(), "the old session id is dead");

        assertEquals(401, login(AdminFixture.PASSWORD).status(), "the old password no longer logs in");
        assertEquals(303, login(NEW_PASSWORD).status(), "the new one does");
    }

    @Test
    void everyOtherSessionIsLoggedOut() {
        TestClient laptop = admin.loggedIn();
        assertEquals(200, laptop.get("/dashboard").status());
        assertEquals(303, owner.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).status());
        assertEquals("/login", laptop.get("/dashboard").location());
        assertEquals(401, laptop.get("/events").status(), "no live figures either");
    }

    @Test
    void wrongCurrentPasswordIsRefusedCountedAndThrottled() {
        TestClient laptop = admin.loggedIn();
        for (int i = 0; i < 5; i++) {
            TestClient.Response r = owner.post("/password", change("guess number " + i, NEW_PASSWORD, NEW_PASSWORD));
            assertEquals(400, r.status());
            assertTrue(r.body().contains("id=\"currentPassword-error\">Wrong password.</p>"), r.body());
        }
        TestClient.Response locked = owner.post("/password", change("guess number 5", NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(429, locked.status());
        assertEquals("30", locked.header("Retry-After").orElseThrow());

        TestClient.Response right = owner.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(429, right.status(), "no password is checked while locked");
        assertEquals(429, login(AdminFixture.PASSWORD).status(), "the same throttle as the login page");
        assertEquals(5, admin.server.counters().wrongPasswords(), "the sixth guess was refused before the hash");
        assertNothingWritten();
        assertEquals(200, laptop.get("/dashboard").status(), "nobody was logged out");

        admin.clock.advance(Duration.ofSeconds(31));
        assertEquals(303, owner.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)).status());
    }

    @Test
    void mismatchedRepeatIsShownAtTheRepeatField() {
        TestClient.Response r = owner.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!"));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"confirmPassword-error\">The two passwords do not match.</p>"), r.body());
        assertTrue(r.body().contains("aria-describedby=\"confirmPassword-error\" aria-invalid=\"true\""), r.body());
        assertNothingWritten();
        assertEquals(303, login(AdminFixture.PASSWORD).status());
    }

    @Test
    void tooShortNewPasswordFollowsTheClaimRules() {
        TestClient.Response r = owner.post("/password", change(AdminFixture.PASSWORD, "short", "short"));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"newPassword-error\">Use at least 10 characters (this one has 5).</p>"), r.body());
        assertNothingWritten();
        assertEquals(0, admin.server.counters().wrongPasswords(), "a right current password is not a failure");
    }

    @Test
    void everyFieldIsCheckedAtOnce() {
        TestClient.Response r = owner.post("/password", change("", "", ""));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"currentPassword-error\">Enter your current password.</p>"), r.body());
        assertTrue(r.body().contains("id=\"newPassword-error\">Choose a password.</p>"), r.body());
        assertNothingWritten();
    }

    @Test
    void withoutTheCsrfTokenNothingHappens() {
        TestClient laptop = admin.loggedIn();
        assertEquals(403, owner.postRaw("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD), Map.of()).status());
        Map<String, String> wrongToken = new java.util.HashMap<>(change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        wrongToken.put("csrf", "x" + owner.csrf());
        assertEquals(403, owner.postRaw("/password", wrongToken, Map.of()).status());
        assertNothingWritten();
        assertEquals(200, laptop.get("/dashboard").status());
    }

    @Test
    void aStoreThatCannotWriteChangesNothing() {
        TestClient laptop = admin.loggedIn();
        admin.node.failWrites = true;
        TestClient.Response r = owner.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(500, r.status());
        assertTrue(r.body().contains("Nothing was changed: the current password still works."), r.body());
        assertNothingWritten();
        assertEquals(200, laptop.get("/dashboard").status(), "nobody was logged out");
    }

    @Test
    void withoutALoginThePageAndThePostRedirectToLogin() {
        TestClient stranger = admin.client();
        assertEquals("/login", stranger.get("/password").location());
        stranger.get("/login");
        TestClient.Response r = stranger.post("/password", change(AdminFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertEquals(303, r.status());
        assertEquals("/login", r.location());
        assertNothingWritten();
    }
}
