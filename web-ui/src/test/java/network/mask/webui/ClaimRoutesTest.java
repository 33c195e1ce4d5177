package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import network.mask.webui.claim.OneTimeClaimCode;
import network.mask.webui.security.PasswordHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Before the claim nothing else works; the claim needs presence, then a password. */
class ClaimRoutesTest {

    private AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/dashboard", "/setup/node", "/setup/keys", "/events", "/no-such-page"})
    void everyPageLeadsToTheClaimUntilClaimed(String path) {
        TestClient.Response r = admin.client().get(path);
        assertEquals(303, r.status());
        assertEquals("/claim", r.location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/backup", "/actions/factory-reset", "/setup/wallet"})
    void postsElsewhereDoNothingBeforeTheClaim(String path) {
        TestClient c = admin.client();
        c.get("/claim");
        TestClient.Response r = c.post(path, Map.of("password", "whatever it is", "backupPassphrase", "x"));
        assertEquals(303, r.status());
        assertEquals("/claim", r.location());
        assertEquals(0, admin.node.factoryResets.get());
        assertTrue(admin.node.applied.isEmpty());
    }

    @Test
    void claimPageHasALabelledFormAndStartsASession() {
        TestClient c = admin.client();
        TestClient.Response r = c.get("/claim");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("<label for=\"code\">One-time code</label>"), r.body());
        assertTrue(r.body().contains("press the button on the box"), "the button route is offered outside dev mode");
        String cookie = r.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"), cookie);
        assertTrue(c.csrf() != null && c.csrf().length() >= 40);
    }

    @Test
    void oneTimeCodeThenPasswordClaimsTheBox() {
        TestClient c = admin.client();
        c.get("/claim");
        String anonymousCookie = c.cookie();
        TestClient.Response r = c.post("/claim", Map.of("code", admin.claim.display().toLowerCase()));
        assertEquals(303, r.status(), r.body());
        assertEquals("/claim/password", r.location());
        assertNotEquals(anonymousCookie, c.cookie(), "a new session id after proving presence");

        assertEquals(200, c.get("/claim/password").status());
        String presenceCookie = c.cookie();
        r = c.post("/claim/password", Map.of("password", AdminFixture.PASSWORD, "confirm", AdminFixture.PASSWORD));
        assertEquals(303, r.status(), r.body());
        assertEquals("/setup/node", r.location());
        assertNotEquals(presenceCookie, c.cookie(), "a new session id after claiming");

        String hash = admin.node.passwordHash.get();
        assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
        assertTrue(new PasswordHasher().verify(AdminFixture.PASSWORD, hash));
        assertEquals(200, c.get("/setup/node").status(), "the claimer is logged in");
        assertEquals(303, c.get("/claim").status(), "the claim pages are gone");

        TestClient stale = admin.client();
        stale.useCookie(presenceCookie);
        assertEquals("/login", stale.get("/dashboard").location(), "the old session id is dead");
    }

    @Test
    void theCodeWorksOnlyOnce() {
        String code = admin.claim.display();
        admin.claimed();
        TestClient other = admin.client();
        assertEquals("/", other.get("/claim").location());
        assertFalse(admin.claim.acceptCode(code));
    }

    @Test
    void wrongCodeIsRefusedAndCountsTowardsTheThrottle() {
        TestClient c = admin.client();
        c.get("/claim");
        for (int i = 0; i < 5; i++) {
            TestClient.Response r = c.post("/claim", Map.of("code", "AAAAA-AAAAA"));
            assertEquals(400, r.status());
            assertTrue(r.body().contains("That code is not right."), r.body());
        }
        TestClient.Response locked = c.post("/claim", Map.of("code", "AAAAA-AAAAA"));
        assertEquals(429, locked.status());
        locked = c.post("/claim", Map.of("code", admin.claim.display()));
        assertEquals(429, locked.status(), "even the right code waits out the lock");
        assertEquals("30", locked.header("Retry-After").orElseThrow());
        admin.clock.advance(java.time.Duration.ofSeconds(31));
        assertEquals(303, c.post("/claim", Map.of("code", admin.claim.display())).status());
        assertEquals(5, admin.server.counters().wrongClaimCodes(), "the sixth code was refused before it was judged");
    }

    @Test
    void emptyCodeNeedsTheButton() {
        TestClient c = admin.client();
        c.get("/claim");
        TestClient.Response r = c.post("/claim", Map.of("code", ""));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Enter the one-time code, or press the button on the box briefly and then press Continue."), r.body());
        admin.buttonPressed.set(true);
        r = c.post("/claim", Map.of("code", ""));
        assertEquals(303, r.status());
        assertEquals("/claim/password", r.location());
    }

    @Test
    void devModeOffersOnlyTheCode() {
        admin.close();
        admin = AdminFixture.start(c -> c.withDevMode(true));
        admin.buttonPressed.set(true);
        TestClient c = admin.client();
        assertFalse(c.get("/claim").body().toLowerCase().contains("press the button"));
        TestClient.Response r = c.post("/claim", Map.of("code", ""));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Enter the one-time code printed in the node&#39;s log."), r.body());
    }

    @Test
    void passwordPageNeedsProvenPresence() {
        TestClient c = admin.client();
        assertEquals("/claim", c.get("/claim/password").location());
        c.get("/claim");
        TestClient.Response r = c.post("/claim/password", Map.of("password", AdminFixture.PASSWORD, "confirm", AdminFixture.PASSWORD));
        assertEquals(303, r.status());
        assertEquals("/claim", r.location());
        assertNull(admin.node.passwordHash.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty|''|''|password|Choose a password.",
            "short|hunter2|hunter2|password|Use at least 10 characters (this one has 7).",
            "control character|correct\u0007horse battery|correct\u0007horse battery|password|The password cannot contain control characters.",
            "only spaces|'            '|'            '|password|The password cannot be only spaces.",
            "mismatch|correct horse battery|correct horse batterx|confirm|The two passwords do not match."})
    void invalidPasswordsAreExplained(String name, String password, String confirm, String field, String message) {
        TestClient c = admin.presenceProven();
        TestClient.Response r = c.post("/claim/password", Map.of("password", password, "confirm", confirm));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("id=\"" + field + "-error\">" + message.replace("'", "&#39;") + "</p>"), r.body());
        assertNull(admin.node.passwordHash.get(), "nothing stored");
    }

    @Test
    void tooLongPasswordIsExplained() {
        TestClient c = admin.presenceProven();
        String longOne = "x".repeat(257);
        TestClient.Response r = c.post("/claim/password", Map.of("password", longOne, "confirm", longOne));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Use at most 256 characters."));
    }

    @Test
    void aFailedWriteLeavesTheBoxUnclaimed() {
        TestClient c = admin.presenceProven();
        admin.node.failWrites = true;
        TestClient.Response r = c.post("/claim/password", Map.of("password", AdminFixture.PASSWORD, "confirm", AdminFixture.PASSWORD));
        assertEquals(500, r.status());
        admin.node.failWrites = false;
        assertEquals("/claim", admin.client().get("/").location());
    }

    @Test
    void claimFormsNeedTheCsrfToken() {
        TestClient c = admin.client();
        c.get("/claim");
        assertEquals(403, c.postRaw("/claim", Map.of("code", admin.claim.display()), Map.of()).status());
        assertEquals(403, c.postRaw("/claim", Map.of("code", admin.claim.display(), "csrf", "forged"), Map.of()).status());
        TestClient noSession = admin.client();
        assertEquals(403, noSession.postRaw("/claim", Map.of("code", admin.claim.display(), "csrf", c.csrf()), Map.of()).status(),
                "a token without its session is worthless");
        assertTrue(admin.claim.acceptCode(admin.claim.display()), "the refused posts did not spend the code");
    }

    @Test
    void startingUnclaimedAnnouncesTheCode() {
        admin.close();
        try (LogCapture log = new LogCapture(OneTimeClaimCode.class)) {
            admin = AdminFixture.start(c -> c.withDevMode(true));
            assertEquals(List.of("Setup page one-time claim code: " + admin.claim.display()), log.messages());
        }
    }
}
