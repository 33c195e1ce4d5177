package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import network.mask.webui.security.AttackLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Item 5 for the setup page: throttle hits and refused claims, posts and backups are counted and
 * reach the node's log (whose tail the dashboard shows) in plain words, one line per kind per
 * minute however hard the page is hammered.
 */
class OwnerLogTest {

    private final AdminFixture admin = AdminFixture.start();

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void aGuessingFloodWritesOneLinePerKindPerMinuteAndTheNextLineCountsTheRest() {
        admin.claimed();
        TestClient guesser = admin.client();
        guesser.get("/login");
        try (LogCapture log = new LogCapture(AttackLog.class)) {
            for (int i = 0; i < 40; i++) {
                guesser.post("/login", Map.of("password", "guess number " + i));
            }
            assertEquals(List.of(
                    "setup page, 127.0.0.1: wrong password",
                    "setup page, 127.0.0.1: attempt refused: too many wrong passwords or claim codes, it must wait"),
                    log.messages());
            assertEquals(5, admin.server.counters().wrongPasswords());
            assertEquals(35, admin.server.counters().throttled());

            admin.clock.advance(Duration.ofSeconds(61));
            guesser.post("/login", Map.of("password", "one more guess"));
            assertEquals("setup page, 127.0.0.1: wrong password (and 4 more since the last such line, latest from 127.0.0.1)",
                    log.messages().get(2));
        }
    }

    @Test
    void refusedClaimsAndOversizedPostsAreNamed() {
        TestClient visitor = admin.client();
        visitor.get("/claim");
        try (LogCapture log = new LogCapture(AttackLog.class)) {
            visitor.post("/claim", Map.of("code", ""));
            visitor.post("/claim", Map.of("code", "AAAAA-AAAAA"));
            try {
                visitor.post("/claim", Map.of("code", "x".repeat(20_000)));
            } catch (java.io.UncheckedIOException closedWhileSending) {
                // The page answers 413 and closes without reading the body; a client still sending it may
                // see the close before the answer. Either way the refusal is what is checked below.
            }
            List<String> lines = log.messages();
            assertTrue(lines.contains("setup page, 127.0.0.1: claim attempt without a code and without an unused button press"), lines.toString());
            assertTrue(lines.contains("setup page, 127.0.0.1: wrong one-time claim code"), lines.toString());
            assertTrue(lines.contains("setup page, 127.0.0.1: form post refused: larger than the page accepts"), lines.toString());
        }
        assertEquals(1, admin.server.counters().refusedClaims());
        assertEquals(1, admin.server.counters().oversizedPosts());
    }
}
