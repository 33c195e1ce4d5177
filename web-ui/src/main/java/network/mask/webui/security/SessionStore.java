package network.mask.webui.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;

/**
 * In-memory sessions with idle and absolute timeouts and a size cap (so a LAN script cannot
 * fill the heap with anonymous sessions). A restart logs everyone out, which is fine for a box.
 */
public final class SessionStore {

    static final int MAX_SESSIONS = 256;
    private static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(30);
    private static final Duration PRESENCE_IDLE = Duration.ofMinutes(10);
    private static final Duration OWNER_IDLE = Duration.ofHours(12);
    private static final Duration ABSOLUTE = Duration.ofDays(7);

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;

    public SessionStore(InstantSource clock) {
        this.clock = clock;
    }

    /** Creates a fresh session; callers replace any old one to avoid session fixation. */
    public Session create(Session.Level level) {
        Instant now = clock.instant();
        purgeExpired(now);
        while (sessions.size() >= MAX_SESSIONS) {
            evictOne();
        }
        Session s = new Session(token(), token(), level, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** Invalidates {@code old} (if any) and returns a new session at {@code level}. */
    public Session replace(Optional<Session> old, Session.Level level) {
        old.ifPresent(this::invalidate);
        return create(level);
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    /** Whether the session still exists, without counting this as activity (for long-lived streams). */
    public boolean stillValid(Session session) {
        Session s = sessions.get(session.id());
        return s != null && !expired(s, clock.instant());
    }

    public void invalidate(Session session) {
        sessions.remove(session.id());
    }

    /** After a factory reset or password change nobody stays logged in. */
    public void invalidateAll() {
        sessions.clear();
    }

    public int size() {
        return sessions.size();
    }

    /** Constant-time CSRF comparison. */
    public static boolean csrfMatches(Session session, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
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
        sessions.values().removeIf(s -> expired(s, now));
    }

    // Anonymous sessions go first: a flood of page views must not log the owner out.
    private void evictOne() {
        sessions.values().stream()
                .min(Comparator.comparing((Session s) -> s.level() == Session.Level.OWNER).thenComparing(Session::lastSeen))
                .ifPresent(this::invalidate);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
