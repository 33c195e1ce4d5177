package network.mask.webui.security;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * In-memory sessions with idle and absolute timeouts, in two bounded pools so a LAN script can
 * neither fill the heap nor push out someone who matters:
 * <ul>
 *   <li>anonymous sessions (a login or claim form open) live in their own pool; each client (an
 *       IPv4 address or an IPv6 /64) holds at most {@value #MAX_ANONYMOUS_PER_CLIENT}, and when the
 *       pool is full the client holding the most loses its oldest, so a flood only evicts the
 *       flooder's own forms;</li>
 *   <li>sessions that proved something (presence at the box, or the password) live in a separate
 *       pool that anonymous traffic never touches.</li>
 * </ul>
 * A restart logs everyone out, which is fine for a box.
 */
public final class SessionStore {

    static final int MAX_ANONYMOUS = 256;
    static final int MAX_ANONYMOUS_PER_CLIENT = 8;
    static final int MAX_TRUSTED = 32;
    private static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(30);
    private static final Duration PRESENCE_IDLE = Duration.ofMinutes(10);
    private static final Duration OWNER_IDLE = Duration.ofHours(12);
    private static final Duration ABSOLUTE = Duration.ofDays(7);

    private final Map<String, Session> anonymous = new HashMap<>();
    private final Map<String, Session> trusted = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;

    public SessionStore(InstantSource clock) {
        this.clock = clock;
    }

    /** Creates a fresh session for {@code client}; callers replace any old one to avoid session fixation. */
    public synchronized Session create(Session.Level level, InetAddress client) {
        Instant now = clock.instant();
        purgeExpired(now);
        String clientKey = LoginThrottle.key(client);
        if (level == Session.Level.ANONYMOUS) {
            makeRoomForAnonymous(clientKey);
        } else {
            while (trusted.size() >= MAX_TRUSTED) {
                // Only holders of the password or the claim proof get here; the least recently seen goes.
                trusted.values().stream().min(Comparator.comparing(Session::lastSeen))
                        .ifPresent(s -> trusted.remove(s.id()));
            }
        }
        Session s = new Session(token(), token(), level, now, clientKey);
        pool(level).put(s.id(), s);
        return s;
    }

    /** Invalidates {@code old} (if any) and returns a new session at {@code level}. */
    public synchronized Session replace(Optional<Session> old, Session.Level level, InetAddress client) {
        old.ifPresent(this::invalidate);
        return create(level, client);
    }

    public synchronized Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = trusted.get(id);
        if (s == null) {
            s = anonymous.get(id);
        }
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            invalidate(s);
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    /** Whether the session still exists, without counting this as activity (for long-lived streams). */
    public synchronized boolean stillValid(Session session) {
        Session s = pool(session.level()).get(session.id());
        return s != null && !expired(s, clock.instant());
    }

    public synchronized void invalidate(Session session) {
        pool(session.level()).remove(session.id());
    }

    /** After a factory reset or password change nobody stays logged in. */
    public synchronized void invalidateAll() {
        anonymous.clear();
        trusted.clear();
    }

    public synchronized int size() {
        return anonymous.size() + trusted.size();
    }

    /** Constant-time CSRF comparison. */
    public static boolean csrfMatches(Session session, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Session> pool(Session.Level level) {
        return level == Session.Level.ANONYMOUS ? anonymous : trusted;
    }

    private void makeRoomForAnonymous(String clientKey) {
        Map<String, Long> perClient = anonymous.values().stream()
                .collect(Collectors.groupingBy(Session::client, Collectors.counting()));
        String loser;
        if (perClient.getOrDefault(clientKey, 0L) >= MAX_ANONYMOUS_PER_CLIENT) {
            loser = clientKey;
        } else if (anonymous.size() >= MAX_ANONYMOUS) {
            loser = perClient.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        } else {
            return;
        }
        anonymous.values().stream().filter(s -> s.client().equals(loser)).min(Comparator.comparing(Session::lastSeen))
                .ifPresent(s -> anonymous.remove(s.id()));
    }

    private boolean expired(Session s, Instant now) {
        Duration idle = switch (s.level()) {
            case ANONYMOUS -> ANONYMOUS_IDLE;
            case PRESENCE_PROVEN -> PRESENCE_IDLE;
            case OWNER -> OWNER_IDLE;
        };
        return now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(ABSOLUTE));
    }

    private void purgeExpired(Instant now) {
        anonymous.values().removeIf(s -> expired(s, now));
        trusted.values().removeIf(s -> expired(s, now));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
