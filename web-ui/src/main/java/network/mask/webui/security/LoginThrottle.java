package network.mask.webui.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password and claim-code guessing. Each client (an IPv4 address, or an IPv6 /64
 * since one host can own a whole /64) gets {@value #FREE_FAILURES} free failures; after that it
 * must wait 30 s, doubling per further failure up to 15 min. A global backstop locks everyone
 * out for a minute when failures from all clients pile up (many addresses, one attacker).
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int GLOBAL_FAILURES = 100;
    private static final Duration GLOBAL_LOCK = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 10_000;

    private final InstantSource clock;
    private final ConcurrentHashMap<String, Record> clients = new ConcurrentHashMap<>();
    private final Deque<Instant> recentFailures = new ArrayDeque<>();
    private Instant globalLockedUntil = Instant.MIN;

    public LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    private record Record(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    /** How long this client must still wait, or empty if it may try now. */
    public synchronized Optional<Duration> retryAfter(InetAddress client) {
        Instant now = clock.instant();
        Instant until = globalLockedUntil;
        Record r = clients.get(key(client));
        if (r != null && r.lockedUntil().isAfter(until)) {
            until = r.lockedUntil();
        }
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void recordFailure(InetAddress client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_CLIENTS) {
            clients.values().removeIf(r -> now.isAfter(r.lastFailure().plus(FORGET_AFTER)));
        }
        String key = key(client);
        Record old = clients.get(key);
        int failures = (old == null || now.isAfter(old.lastFailure().plus(FORGET_AFTER))) ? 1 : old.failures() + 1;
        Instant lockedUntil = failures <= FREE_FAILURES ? Instant.MIN : now.plus(lockFor(failures - FREE_FAILURES));
        clients.put(key, new Record(failures, now, lockedUntil));

        recentFailures.addLast(now);
        while (!recentFailures.isEmpty() && now.isAfter(recentFailures.peekFirst().plus(FORGET_AFTER))) {
            recentFailures.removeFirst();
        }
        if (recentFailures.size() >= GLOBAL_FAILURES) {
            globalLockedUntil = now.plus(GLOBAL_LOCK);
            recentFailures.clear();
        }
    }

    public synchronized void recordSuccess(InetAddress client) {
        clients.remove(key(client));
    }

    private static Duration lockFor(int excessFailures) {
        long seconds = FIRST_LOCK.toSeconds() << Math.min(excessFailures - 1, 20);
        return seconds >= MAX_LOCK.toSeconds() ? MAX_LOCK : Duration.ofSeconds(seconds);
    }

    static String key(InetAddress client) {
        byte[] b = client.getAddress();
        if (client instanceof Inet6Address) {
            return "6:" + HexFormat.of().formatHex(Arrays.copyOf(b, 8));
        }
        return "4:" + HexFormat.of().formatHex(b);
    }
}
