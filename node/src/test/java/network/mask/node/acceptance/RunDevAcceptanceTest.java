package network.mask.node.acceptance;

import network.mask.node.claim.ClaimNotice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import network.mask.node.testing.TestNodes;
import network.mask.webui.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's process-level check: {@code masknode run --dev --data DIR --admin-port A --api-port P
 * --mix-port M} on a fresh DIR serves the setup page on A, refuses a POST without a CSRF token
 * (403), answers repeated bad logins with 429 and Retry-After, answers {@code /api/v1/health} on
 * P, and mixes real Sphinx packets arriving on M.
 */
class RunDevAcceptanceTest {

    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void freshDevNodeServesThePageRefusesForgeriesThrottlesGuessesAndAnswersTheApi() throws Exception {
        Path data = dir.resolve("data");
        assertTrue(Files.notExists(data), "a fresh DIR");
        // As systemd's RuntimeDirectory= would: the node then also shows the claim code on the box's screen.
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Path notice = runtime.resolve(ClaimNotice.FILE);
        try (DevNodeProcess node = DevNodeProcess.start("run-dev", data, Map.of("RUNTIME_DIRECTORY", runtime.toString()))) {
            node.awaitListening();

            // The page on A: a fresh box sends every visitor to the claim.
            TestClient owner = new TestClient(node.adminBase(), Optional.empty());
            TestClient.Response root = owner.get("/");
            assertEquals(303, root.status(), root.body());
            assertEquals("/claim", root.location());
            TestClient.Response claimPage = owner.get("/claim");
            assertEquals(200, claimPage.status());
            assertTrue(claimPage.header("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(claimPage.body().contains("<label for=\"code\">One-time code</label>"), claimPage.body());
            assertTrue(claimPage.header("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                    "strict CSP: " + claimPage.headers());

            // A POST without the CSRF token (or with a wrong one) is refused and changes nothing.
            String code = node.claimCode();
            assertEquals(403, owner.postRaw("/claim", Map.of("code", code), Map.of()).status(), "no CSRF token");
            assertEquals(403, owner.postRaw("/claim", Map.of("code", code, "csrf", "forged" + owner.csrf()), Map.of()).status(),
                    "wrong CSRF token");

            // The code on the console is also on the box's screen (agetty shows the file), for its owner only.
            assertTrue(TestNodes.await(() -> Files.exists(notice), Duration.ofSeconds(5)), "no " + notice);
            assertTrue(Files.readString(notice).contains("one-time claim code: " + code), Files.readString(notice));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(notice)));

            // Claim with the code the node printed, then set the password.
            TestClient.Response claimed = owner.post("/claim", Map.of("code", code));
            assertEquals(303, claimed.status(), "the refused posts did not spend the code: " + claimed.body());
            assertEquals("/claim/password", claimed.location());
            assertTrue(Files.notExists(notice), "the spent code is still on the box's screen");
            assertEquals(200, owner.get("/claim/password").status());
            TestClient.Response password = owner.post("/claim/password", Map.of("password", PASSWORD, "confirm", PASSWORD));
            assertEquals(303, password.status(), password.body());
            assertEquals("/setup/node", password.location());
            assertEquals(200, owner.get("/setup/node").status(), "the claimer is logged in");

            // The public API on P.
            TestClient api = new TestClient(node.apiBase(), Optional.empty());
            TestClient.Response health = api.get("/api/v1/health");
            assertEquals(200, health.status(), health.body());
            JsonObject body = Json.createReader(new StringReader(health.body())).readObject();
            assertEquals("up", body.getString("status"), health.body());

            // Real Sphinx packets on M are mixed and forwarded to the next hop.
            try (SphinxTraffic traffic = SphinxTraffic.towards(node, dir.resolve("sink"))) {
                traffic.send(20);
                assertTrue(traffic.awaitDelivered(20, Duration.ofSeconds(20)),
                        traffic.delivered() + " of 20 packets reached the sink\n" + node.output());
                assertEquals(0, traffic.corrupt());
            }

            // A stranger guessing the password: wrong answers, then 429 with Retry-After (last: it locks out loopback).
            TestClient stranger = new TestClient(node.adminBase(), Optional.empty());
            assertEquals(200, stranger.get("/login").status());
            int wrong = 0;
            TestClient.Response guess;
            while ((guess = stranger.post("/login", Map.of("password", "guess number " + wrong))).status() == 401) {
                wrong++;
                assertTrue(wrong <= 10, "no rate limit after 10 wrong passwords");
            }
            assertEquals(429, guess.status(), guess.body());
            assertTrue(wrong >= 1, "a wrong password is first answered with 401");
            long retryAfter = Long.parseLong(guess.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
            assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
            TestClient.Response right = stranger.post("/login", Map.of("password", PASSWORD));
            assertEquals(429, right.status(), "while locked, not even the right password is checked");

            assertTrue(node.isAlive(), "the node is still running\n" + node.output());
        }
    }
}
