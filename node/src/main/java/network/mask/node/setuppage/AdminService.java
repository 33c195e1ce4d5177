package network.mask.node.setuppage;

import java.io.IOException;
import java.util.Optional;
import network.mask.node.daemon.NodeService;
import network.mask.webui.AdminBackend;
import network.mask.webui.AdminConfig;
import network.mask.webui.AdminCounters;
import network.mask.webui.AdminServer;

/**
 * The setup page and dashboard on the admin port, for the node's lifetime. With {@code admin.tls}
 * it serves HTTPS with the certificate kept by the backend's TLS material store (made at the first
 * start); the page logs its fingerprint and the readiness notice prints it.
 */
public final class AdminService implements NodeService {

    private final AdminConfig config;
    private final AdminBackend backend;
    private final Optional<network.mask.webui.security.SessionStore> sessions;
    private volatile AdminServer server;

    public AdminService(AdminConfig config, AdminBackend backend) {
        this.config = config;
        this.backend = backend;
        this.sessions = Optional.empty();
    }

    /** @param sessions kept across in-process restarts, so a restart logs nobody out */
    public AdminService(AdminConfig config, AdminBackend backend, network.mask.webui.security.SessionStore sessions) {
        this.config = config;
        this.backend = backend;
        this.sessions = Optional.of(sessions);
    }

    @Override
    public void start() throws IOException {
        server = sessions.isPresent() ? AdminServer.start(config, backend, sessions.get()) : AdminServer.start(config, backend);
    }

    /** The bound port, or -1 when the page is not running. */
    public int port() {
        AdminServer s = server;
        return s != null && s.isRunning() ? s.port() : -1;
    }

    /** SHA-256 fingerprint of the page's certificate while it serves HTTPS. */
    public Optional<String> certificateFingerprint() {
        AdminServer s = server;
        return s != null && s.isRunning() ? s.certificateFingerprint() : Optional.empty();
    }

    /** The setup page's refusal counters (throttle hits, refused claims, posts and backups), while it runs. */
    public Optional<AdminCounters.Snapshot> counters() {
        AdminServer s = server;
        return s != null && s.isRunning() ? Optional.of(s.counters()) : Optional.empty();
    }

    @Override
    public void stop() {
        AdminServer s = server;
        if (s != null) s.close();
    }

    @Override
    public String name() {
        return "setup page";
    }
}
