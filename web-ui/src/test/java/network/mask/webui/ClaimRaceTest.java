package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** D10: one button press lets exactly one claimer in; empty-code polling is throttled; one password wins. */
class ClaimRaceTest {

    private final AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void onePressIsUsedUpByOneOfManyConcurrentClaimers() {
        List<TestClient> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestClient c = admin.clientFrom("127.0.0." + (2 + i));      // eight LAN devices
            c.get("/claim");
            claimers.add(c);
        }
        admin.buttonPressed.set(true);
        List<java.util.concurrent.CompletableFuture<TestClient.Response>> tries = claimers.stream()
                .map(c -> java.util.concurrent.CompletableFuture.supplyAsync(() -> c.post("/claim", Map.of("code", ""))))
                .toList();
        List<TestClient.Response> answers = tries.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertEquals(1, answers.stream().filter(r -> r.status() == 303).count(), "one press, one claimer");
        assertEquals(7, answers.stream().filter(r -> r.status() == 400).count());
        assertEquals(7, admin.server.counters().refusedClaims());
    }

    @Test
    void emptyCodePollingIsThrottledLikeWrongCodes() {
        TestClient poller = admin.client();
        poller.get("/claim");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, poller.post("/claim", Map.of("code", "")).status());
        }
        admin.buttonPressed.set(true);
        TestClient.Response r = poller.post("/claim", Map.of("code", ""));
        assertEquals(429, r.status(), "the poller waits; the owner's press is still there for the owner");
        assertTrue(r.header("Retry-After").isPresent());

        TestClient owner = admin.clientFrom("127.0.0.2");
        owner.get("/claim");
        assertEquals(303, owner.post("/claim", Map.of("code", "")).status(), "the owner's device uses the press");
        admin.clock.advance(java.time.Duration.ofSeconds(30));
        assertEquals(400, poller.post("/claim", Map.of("code", "")).status(), "the press is used up");
    }

    @Test
    void twoConcurrentPasswordSettersCannotBothWin() {
        TestClient byCode = admin.presenceProven();
        TestClient byButton = admin.client();
        byButton.get("/claim");
        admin.buttonPressed.set(true);
        assertEquals(303, byButton.post("/claim", Map.of("code", "")).status());
        byButton.get("/claim/password");

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> byCode.post("/claim/password",
                Map.of("password", AdminFixture.PASSWORD, "confirm", AdminFixture.PASSWORD)));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> byButton.post("/claim/password",
                Map.of("password", "another long password", "confirm", "another long password")));
        List<TestClient.Response> answers = List.of(first.join(), second.join());

        // The winner goes on to the wizard; the loser gets 409 or, arriving a moment later, is sent away from the
        // claim pages (the box is claimed now). The stored password is the winner's.
        List<String> outcomes = answers.stream().map(r -> r.status() + " " + r.location()).toList();
        assertEquals(1, outcomes.stream().filter(o -> o.equals("303 /setup/node")).count(), outcomes.toString());
        int winner = outcomes.indexOf("303 /setup/node");
        TestClient.Response loser = answers.get(1 - winner);
        assertTrue(loser.status() == 409 || loser.status() == 303, outcomes.toString());
        String winnersPassword = winner == 0 ? AdminFixture.PASSWORD : "another long password";
        assertTrue(new network.mask.webui.security.PasswordHasher(AdminFixture.CHEAP)
                .verify(winnersPassword, admin.node.passwordHash.get()), "the stored password is the winner's");
    }
}
