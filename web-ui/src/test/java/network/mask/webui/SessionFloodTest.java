package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D16: a flood of login- and claim-page views from another LAN device (127.0.0.2 here) creates
 * anonymous sessions; it must not evict the owner's open login form, a logged-in owner, or a
 * claimer who already proved presence (whose one-time code is spent).
 */
class SessionFloodTest {

    private static final int FLOOD = 600;
    private final AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void aFloodOfLoginPageViewsLeavesTheOwnersPendingLoginAndSessionAlone() {
        TestClient owner = admin.claimed();
        TestClient laptop = admin.client();
        laptop.get("/login");                                // the form is open, not yet sent
        flood("/login");
        assertEquals(200, owner.get("/dashboard").status(), "the owner stays logged in");
        assertEquals(303, laptop.post("/login", Map.of("password", AdminFixture.PASSWORD)).status(),
                "the open login form still works");
    }

    @Test
    void aFloodOfClaimPageViewsLeavesAPresenceProvenClaimerAlone() {
        TestClient claimer = admin.presenceProven();         // the one-time code is spent now
        flood("/claim");
        assertEquals(303, claimer.post("/claim/password",
                Map.of("password", AdminFixture.PASSWORD, "confirm", AdminFixture.PASSWORD)).status());
        org.junit.jupiter.api.Assertions.assertNotNull(admin.node.passwordHash.get(), "the box is claimed by the claimer");
    }

    private void flood(String path) {
        TestClient flooder = admin.clientFrom("127.0.0.2");
        for (int i = 0; i < FLOOD; i++) {
            flooder.forgetCookie();                           // a new anonymous session each time
            assertEquals(200, flooder.get(path).status());
        }
    }
}
