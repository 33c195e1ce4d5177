package network.mask.webui.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password and claim-code guessing. Each client (an IPv4 address, or an IPv6 /64
 * since one host can own a whole /64) gets {@value #FREE_FAILURES} free attempts; after that it
 * must wait 30 s, doubling per further attempt up to 15 min. The account as a whole has a
 * backstop too: when attempts from all clients pile up (many addresses, one attacker) everyone
 * is locked out for a minute.
 *
 * <p>An attempt is <em>charged before</em> the expensive check runs ({@link #tryAttempt}) and
 * refunded only when it turns out right ({@link #recordSuccess}). Checking and charging happen
 * under one lock, so a burst of concurrent requests gets exactly the free attempts and no more,
 * however many threads are waiting for the password hash.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int GLOBAL_FAILURES = 100;
    private static final Duration GLOBAL_LOCK = Duration.ofMinutes(1);
    static final int MAX_CLIENTS = 10_000;

    private final InstantSource clock;
    private final Map<String, Record> clients = new HashMap<>();
    private final Deque<Instant> recentAttempts = new ArrayDeque<>();
    private Instant globalLockedUntil = Instant.MIN;

    public LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    private record Record(int attempts, Instant lastAttempt, Instant lockedUntil) {
    }

    /** How long this client must still wait, or empty if it may try now (nothing is charged). */
    public synchronized Optional<Duration> retryAfter(InetAddress client) {
        Instant now = clock.instant();
        return wait(now, live(key(client), now));
    }

    /**
     * Checks and charges one attempt in one step. Empty means "go ahead, this attempt now counts
     * as a failure unless {@link #recordSuccess} refunds it"; a duration means "refused, nothing
     * charged, wait this long".
     */
    public synchronized Optional<Duration> tryAttempt(InetAddress client) {
        Instant now = clock.instant();
        String key = key(client);
        Record old = live(key, now);
        Optional<Duration> wait = wait(now, old);
        if (wait.isPresent()) {
            return wait;
        }
        if (old == null && clients.size() >= MAX_CLIENTS) {
            clients.values().removeIf(r -> stale(r, now));
            if (clients.size() >= MAX_CLIENTS) {
                // Every slot holds a recent guesser: a new one waits rather than push them out.
                return Optional.of(FIRST_LOCK);
            }
        }
        int attempts = old == null ? 1 : old.attempts() + 1;
        Instant lockedUntil = attempts < FREE_FAILURES ? Instant.MIN : now.plus(lockFor(attempts - FREE_FAILURES + 1));
        clients.put(key, new Record(attempts, now, lockedUntil));

        recentAttempts.addLast(now);
        while (!recentAttempts.isEmpty() && now.isAfter(recentAttempts.peekFirst().plus(FORGET_AFTER))) {
            recentAttempts.removeFirst();
        }
        if (recentAttempts.size() >= GLOBAL_FAILURES) {
            globalLockedUntil = now.plus(GLOBAL_LOCK);
            recentAttempts.clear();
        }
        return Optional.empty();
    }

    /** The attempt was right: the client's record is cleared and its charge refunded. */
    public synchronized void recordSuccess(InetAddress client) {
        if (clients.remove(key(client)) != null && !recentAttempts.isEmpty()) {
            recentAttempts.removeLast();
        }
    }

    private Record live(String key, Instant now) {
        Record r = clients.get(key);
        if (r != null && stale(r, now)) {
            clients.remove(key);
            return null;
        }
        return r;
    }

    private Optional<Duration> wait(Instant now, Record r) {
        Instant until = globalLockedUntil;
        if (r != null && r.lockedUntil().isAfter(until)) {
            until = r.lockedUntil();
        }
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static boolean stale(Record r, Instant now) {
        return now.isAfter(r.lastAttempt().plus(FORGET_AFTER)) && !now.isBefore(r.lockedUntil());
    }

    private static Duration lockFor(int excessAttempts) {
        long seconds = FIRST_LOCK.toSeconds() << Math.min(excessAttempts - 1, 20);
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
