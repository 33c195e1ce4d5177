package network.mask.webui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import network.mask.webui.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private void fail(InetAddress a, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(a);
        }
    }

    @Test
    void fiveFreeFailuresThenLockoutThatDoubles() throws Exception {
        InetAddress a = ip("192.168.1.20");
        fail(a, LoginThrottle.FREE_FAILURES);
        assertEquals(Optional.empty(), throttle.retryAfter(a));
        fail(a, 1);
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.retryAfter(a));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter(a));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), throttle.retryAfter(a));
        fail(a, 1);
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.retryAfter(a));
        clock.advance(Duration.ofSeconds(60));
        fail(a, 1);
        assertEquals(Optional.of(Duration.ofSeconds(120)), throttle.retryAfter(a));
    }

    @Test
    void lockoutIsCappedAtFifteenMinutes() throws Exception {
        InetAddress a = ip("10.0.0.9");
        fail(a, 40);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.retryAfter(a));
    }

    @Test
    void successAndTimeForgetFailures() throws Exception {
        InetAddress a = ip("10.0.0.9");
        fail(a, 5);
        throttle.recordSuccess(a);
        fail(a, 5);
        assertEquals(Optional.empty(), throttle.retryAfter(a));
        clock.advance(Duration.ofMinutes(16));
        fail(a, 5);
        assertEquals(Optional.empty(), throttle.retryAfter(a), "failures older than 15 min are forgotten");
    }

    @Test
    void clientsAreCountedSeparatelyButIpv6CountsPerSlash64() throws Exception {
        fail(ip("192.168.1.20"), 6);
        assertEquals(Optional.empty(), throttle.retryAfter(ip("192.168.1.21")));
        // One host can use any address in its /64: they count as one client.
        for (int i = 1; i <= 6; i++) {
            throttle.recordFailure(ip("fd00:1:2:3::" + Integer.toHexString(i)));
        }
        assertTrue(throttle.retryAfter(ip("fd00:1:2:3:ffff::1")).isPresent());
        assertEquals(Optional.empty(), throttle.retryAfter(ip("fd00:1:2:4::1")));
    }

    @Test
    void manyClientsTogetherTripTheGlobalBackstop() throws Exception {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure(ip("10.0." + (i / 4) + "." + (i % 4 + 1)));
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.retryAfter(ip("192.168.50.50")));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), throttle.retryAfter(ip("192.168.50.50")));
    }
}
