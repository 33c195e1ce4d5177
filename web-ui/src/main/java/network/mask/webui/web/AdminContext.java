package network.mask.webui.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

import network.mask.webui.AdminBackend;
import network.mask.webui.AdminConfig;
import network.mask.webui.AdminCounters;
import network.mask.webui.backup.BackupCipher;
import network.mask.webui.security.AttackLog;
import network.mask.webui.security.LoginThrottle;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.SessionStore;
import network.mask.webui.validation.SettingsValidator;

/** State shared by the page handlers of one {@code AdminServer}. */
public final class AdminContext {

    private static final System.Logger LOG = System.getLogger(AdminContext.class.getName());
    private static final int MAX_LIVE_STREAMS = 8;

    final AdminConfig config;
    final AdminBackend backend;
    final SessionStore sessions;
    final LoginThrottle throttle;
    final PasswordHasher hasher;
    final BackupCipher backupCipher;
    final SessionCookie cookie;
    final HostHeader hostHeader;
    final Predicate<InetAddress> sourceAllowed;
    final Optional<String> tlsFingerprint;
    final AdminCounters counters = new AdminCounters();
    final AttackLog attackLog;
    final Semaphore liveStreams = new Semaphore(MAX_LIVE_STREAMS);
    final RestartNotice restartNotice = new RestartNotice();
    /** Differs at every start, so a page waiting for a restart sees when the new server answers. */
    final String bootId = java.util.UUID.randomUUID().toString();
    final Object claimLock = new Object();
    private volatile boolean claimed;
    private volatile boolean running = true;
    private volatile int boundPort;

    public AdminContext(AdminConfig config, AdminBackend backend, PasswordHasher hasher, BackupCipher backupCipher,
                        Predicate<InetAddress> sourceAllowed, Optional<String> tlsFingerprint) {
        this(config, backend, hasher, backupCipher, sourceAllowed, tlsFingerprint, new SessionStore(config.clock()));
    }

    /** @param sessions kept by the caller across restarts of the page, so a restart logs nobody out */
    public AdminContext(AdminConfig config, AdminBackend backend, PasswordHasher hasher, BackupCipher backupCipher,
                        Predicate<InetAddress> sourceAllowed, Optional<String> tlsFingerprint, SessionStore sessions) {
        this.config = config;
        this.backend = backend;
        this.hasher = hasher;
        this.backupCipher = backupCipher;
        this.sourceAllowed = sourceAllowed;
        this.tlsFingerprint = tlsFingerprint;
        this.sessions = sessions;
        this.throttle = new LoginThrottle(config.clock());
        this.attackLog = new AttackLog(config.clock());
        this.cookie = new SessionCookie(config.tls());
        this.hostHeader = new HostHeader(config.hostNames());
        this.boundPort = config.port();
    }

    /** Whether an admin password exists. Once seen it is cached; an unclaimed box re-reads the store. */
    public boolean claimed() {
        if (claimed) {
            return true;
        }
        try {
            claimed = backend.credentials().load().isPresent();
        } catch (IOException e) {
            // Fail closed towards "claimed": an unreadable store must not reopen the claim page.
            LOG.log(System.Logger.Level.ERROR, "cannot read the admin credential store", e);
            return true;
        }
        return claimed;
    }

    void markClaimed() {
        claimed = true;
    }

    /** After a factory reset the store is empty again; forget the cached state. */
    void forgetClaim() {
        claimed = false;
    }

    public AdminCounters counters() {
        return counters;
    }

    public void boundPort(int port) {
        boundPort = port;
    }

    SettingsValidator validator() {
        return new SettingsValidator(boundPort, config.devMode());
    }

    boolean running() {
        return running;
    }

    /** Ends live streams at their next tick so the server can stop promptly. */
    public void stopping() {
        running = false;
    }
}
