package network.mask.webui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import network.mask.webui.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    /** Wrong guesses: each admitted attempt stays charged. */
    private int fail(InetAddress a, int times) {
        int admitted = 0;
        for (int i = 0; i < times; i++) {
            if (throttle.tryAttempt(a).isEmpty()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void fiveFreeAttemptsThenLockoutThatDoubles() throws Exception {
        InetAddress a = ip("192.168.1.20");
        assertEquals(4, fail(a, 4));
        assertEquals(Optional.empty(), throttle.retryAfter(a));
        assertEquals(1, fail(a, 1));
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.retryAfter(a), "the fifth wrong attempt locks");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.tryAttempt(a), "refused, and nothing charged");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter(a));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, fail(a, 1));
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.retryAfter(a));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, fail(a, 3));
        assertEquals(Optional.of(Duration.ofSeconds(120)), throttle.retryAfter(a));
    }

    @Test
    void lockoutIsCappedAtFifteenMinutes() throws Exception {
        InetAddress a = ip("10.0.0.9");
        for (int i = 0; i < 40; i++) {
            fail(a, 1);
            clock.advance(throttle.retryAfter(a).orElse(Duration.ZERO));
        }
        fail(a, 1);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.retryAfter(a));
    }

    @Test
    void successRefundsAndTimeForgets() throws Exception {
        InetAddress a = ip("10.0.0.9");
        fail(a, 4);
        throttle.tryAttempt(a);
        clock.advance(Duration.ofSeconds(30));
        throttle.tryAttempt(a);
        throttle.recordSuccess(a);
        assertEquals(4, fail(a, 4), "a right attempt clears the record");
        assertEquals(Optional.empty(), throttle.retryAfter(a));
        clock.advance(Duration.ofMinutes(16));
        assertEquals(4, fail(a, 4));
        assertEquals(Optional.empty(), throttle.retryAfter(a), "attempts older than 15 min are forgotten");
    }

    @Test
    void clientsAreCountedSeparatelyButIpv6CountsPerSlash64() throws Exception {
        fail(ip("192.168.1.20"), 6);
        assertEquals(Optional.empty(), throttle.retryAfter(ip("192.168.1.21")));
        // One host can use any address in its /64: they count as one client.
        int admitted = 0;
        for (int i = 1; i <= 6; i++) {
            admitted += throttle.tryAttempt(ip("fd00:1:2:3::" + Integer.toHexString(i))).isEmpty() ? 1 : 0;
        }
        assertEquals(LoginThrottle.FREE_FAILURES, admitted);
        assertTrue(throttle.retryAfter(ip("fd00:1:2:3:ffff::1")).isPresent());
        assertEquals(Optional.empty(), throttle.retryAfter(ip("fd00:1:2:4::1")));
    }

    @Test
    void manyClientsTogetherTripTheAccountBackstop() throws Exception {
        for (int i = 0; i < 100; i++) {
            throttle.tryAttempt(ip("10.0." + (i / 4) + "." + (i % 4 + 1)));
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.retryAfter(ip("192.168.50.50")));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), throttle.retryAfter(ip("192.168.50.50")));
    }

    @Test
    void concurrentAttemptsFromOneClientGetExactlyTheFreeOnes() throws Exception {
        InetAddress a = ip("192.168.1.30");
        int threads = 64;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (throttle.tryAttempt(a).isEmpty()) {
                    admitted.incrementAndGet();
                }
            }));
        }
        start.countDown();
        for (Thread t : all) {
            t.join();
        }
        assertEquals(LoginThrottle.FREE_FAILURES, admitted.get());
    }
}
