package network.mask.webui.security;

import java.time.Instant;
import java.util.Optional;

/**
 * One browser's state on the admin page. The id travels in the cookie; the CSRF token is
 * rendered into forms and must come back with every POST.
 */
public final class Session {

    /** What the holder has proven so far. */
    public enum Level {
        /** Only looked at the claim or login page. */
        ANONYMOUS,
        /** Proved presence at an unclaimed box and may set the password. */
        PRESENCE_PROVEN,
        /** Logged in as the owner. */
        OWNER
    }

    private final String id;
    private final String csrfToken;
    private final Level level;
    private final Instant created;
    private final String client;
    private volatile Instant lastSeen;
    private volatile String flash;
    private volatile Object pending;
    private volatile Object checkResult;

    Session(String id, String csrfToken, Level level, Instant now, String client) {
        this.id = id;
        this.client = client;
        this.csrfToken = csrfToken;
        this.level = level;
        this.created = now;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Level level() {
        return level;
    }

    public boolean isOwner() {
        return level == Level.OWNER;
    }

    /** The client (address, or IPv6 /64) the session was made for, so a flood only evicts its own sessions. */
    String client() {
        return client;
    }

    Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    /** A one-line notice shown on the next page view (post/redirect/get). */
    public void flash(String message) {
        flash = message;
    }

    /** A step the owner is in the middle of (a restore waiting for confirmation); replaces any earlier one. */
    public void holdPending(Object step) {
        pending = step;
    }

    public void clearPending() {
        pending = null;
    }

    /** The pending step if it is of {@code type}. */
    public <T> Optional<T> pending(Class<T> type) {
        Object p = pending;
        return type.isInstance(p) ? Optional.of(type.cast(p)) : Optional.empty();
    }

    /**
     * The outcome of a check (reachability, broker test) shown after post/redirect/get; kept until the
     * next check replaces it, so reloading the result page shows it again instead of posting again.
     */
    public void holdCheckResult(Object result) {
        checkResult = result;
    }

    /** The held check result if it is of {@code type}. */
    public <T> Optional<T> checkResult(Class<T> type) {
        Object r = checkResult;
        return type.isInstance(r) ? Optional.of(type.cast(r)) : Optional.empty();
    }

    public Optional<String> takeFlash() {
        String f = flash;
        flash = null;
        return Optional.ofNullable(f);
    }
}
