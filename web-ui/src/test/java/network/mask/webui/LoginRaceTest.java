package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import network.mask.webui.security.PasswordHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D6: concurrent wrong logins from one address. The throttle is checked and charged before the
 * password hash runs, so a burst gets exactly the free attempts, however many requests wait for
 * the hash at once. A real-sized hash (4 MiB) keeps many requests in flight together.
 */
class LoginRaceTest {

    private static final int BURST = 40;
    private final AdminFixture admin = AdminFixture.startWithHasher(new PasswordHasher(new PasswordHasher.Cost(4 * 1024, 2, 1)));

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void aBurstOfWrongPasswordsGetsOnlyTheFreeAttemptsThenEvenTheRightOneWaits() {
        admin.claimed();
        TestClient attacker = admin.client();
        attacker.get("/login");
        List<Map<String, String>> guesses = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            guesses.add(Map.of("csrf", attacker.csrf(), "password", "guess number " + i));
        }

        List<HttpResponse<String>> answers = Burst.post(admin.base, "/login", attacker.cookie(), guesses);

        assertEquals(5, admin.server.counters().wrongPasswords(), "password hashes run for wrong guesses");
        assertEquals(5, Burst.count(answers, 401));
        assertEquals(BURST - 5, Burst.count(answers, 429));
        answers.stream().filter(r -> r.statusCode() == 429)
                .forEach(r -> assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 says how long to wait"));

        TestClient.Response right = attacker.post("/login", Map.of("password", AdminFixture.PASSWORD));
        assertEquals(429, right.status(), "even the right password waits out the lock");
        assertEquals("30", right.header("Retry-After").orElseThrow());
        assertEquals(5, admin.server.counters().wrongPasswords());

        admin.clock.advance(Duration.ofSeconds(30));
        assertEquals(303, attacker.post("/login", Map.of("password", AdminFixture.PASSWORD)).status());
        assertEquals(BURST - 5 + 1, admin.server.counters().throttled());
    }
}
