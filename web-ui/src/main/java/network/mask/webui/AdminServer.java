package network.mask.webui;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import network.mask.webui.backup.BackupCipher;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.PrivateAddresses;
import network.mask.webui.security.SelfSignedCertificate;
import network.mask.webui.security.SessionStore;
import network.mask.webui.spi.TlsMaterialStore;
import network.mask.webui.web.AdminContext;
import network.mask.webui.web.AdminRouting;

/**
 * The setup page and dashboard: a Helidon SE web server on its own port (the node's
 * {@code --admin-port}), never the public API port. Only peers on the home network get an answer.
 *
 * <pre>{@code
 * AdminServer admin = AdminServer.start(AdminConfig.of(InetAddress.getByName("0.0.0.0"), 8000), backend);
 * ...
 * admin.close();
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AdminServer.class.getName());
    /** Large enough for a restore upload (base64 of a backup), small enough to be harmless. */
    private static final long MAX_PAYLOAD = 4L * 1024 * 1024;
    /*
     * Server-level bounds (redteam D1: about 9,000 idle connections exhausted the heap). Helidon
     * stops accepting at MAX_CONNECTIONS (the rest wait in the kernel's backlog, costing no heap);
     * a connection that gets no byte for READ_TIMEOUT, or has not finished a request within
     * IDLE_TIMEOUT however slowly it drips its header, is closed. One home's browsers need a few.
     * Written down in docs/memory-budget.md.
     */
    static final int MAX_CONNECTIONS = 64;
    static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(20);
    static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(30);
    static final java.time.Duration IDLE_CHECK = java.time.Duration.ofSeconds(5);

    private final WebServer server;
    private final AdminContext context;
    private final Optional<String> fingerprint;

    private AdminServer(WebServer server, AdminContext context, Optional<String> fingerprint) {
        this.server = server;
        this.context = context;
        this.fingerprint = fingerprint;
    }

    /**
     * Binds and starts serving; if the box is unclaimed, asks the claim authority to announce itself.
     *
     * @throws IOException if the port cannot be bound, or the TLS material cannot be loaded or stored
     */
    public static AdminServer start(AdminConfig config, AdminBackend backend) throws IOException {
        return start(config, backend, PrivateAddresses::isPrivate, new PasswordHasher(), new BackupCipher(),
                new SessionStore(config.clock()));
    }

    /**
     * As {@link #start(AdminConfig, AdminBackend)}, with sessions the caller keeps across restarts of the
     * node (the process lives on), so "Restart now" does not log the owner out.
     */
    public static AdminServer start(AdminConfig config, AdminBackend backend, SessionStore sessions) throws IOException {
        return start(config, backend, PrivateAddresses::isPrivate, new PasswordHasher(), new BackupCipher(), sessions);
    }

    /** Seams for tests: which peers may connect, and cheaper Argon2 costs. */
    static AdminServer start(AdminConfig config, AdminBackend backend, Predicate<InetAddress> sourceAllowed,
                             PasswordHasher hasher, BackupCipher backupCipher) throws IOException {
        return start(config, backend, sourceAllowed, hasher, backupCipher, new SessionStore(config.clock()));
    }

    static AdminServer start(AdminConfig config, AdminBackend backend, Predicate<InetAddress> sourceAllowed,
                             PasswordHasher hasher, BackupCipher backupCipher, SessionStore sessions) throws IOException {
        Optional<SelfSignedCertificate> certificate = config.tls() ? Optional.of(certificate(config, backend.tlsMaterial()))
                : Optional.empty();
        Optional<String> fingerprint = certificate.map(SelfSignedCertificate::sha256Fingerprint);
        AdminContext context = new AdminContext(config, backend, hasher, backupCipher, sourceAllowed, fingerprint, sessions);
        WebServerConfig.Builder builder = WebServer.builder()
                .address(config.bindAddress())
                .port(config.port())
                .shutdownHook(false)
                .maxPayloadSize(MAX_PAYLOAD)
                .maxTcpConnections(MAX_CONNECTIONS)
                .addConnectionSelectors(config.connectionSelectors())
                // Given selectors must be the only ones: beside Helidon's discovered HTTP/1 selector, Helidon
                // first reads to pick a protocol, with no deadline (ConnectionHandler.identifyConnection).
                .protocolsDiscoverServices(config.connectionSelectors().isEmpty())
                .idleConnectionTimeout(IDLE_TIMEOUT)
                .idleConnectionPeriod(IDLE_CHECK)
                .connectionOptions(io.helidon.common.socket.SocketOptions.builder().readTimeout(READ_TIMEOUT).build())
                .routing(routing -> AdminRouting.configure(routing, context));
        certificate.ifPresent(c -> builder.tls(Tls.builder()
                .privateKey(c.privateKey())
                .privateKeyCertChain(List.of(c.certificate()))
                .build()));
        WebServer server = builder.build().start();
        if (!server.isRunning()) {
            // Helidon logs a failed bind and returns a stopped server; the node must not carry on without its page.
            throw new IOException("the setup page cannot listen on " + config.bindAddress().getHostAddress() + ":"
                    + config.port() + " (is another program using the port?)");
        }
        context.boundPort(server.port());
        String scheme = config.tls() ? "https" : "http";
        LOG.log(System.Logger.Level.INFO, "setup page listening on " + scheme + "://" + config.bindAddress().getHostAddress()
                + ":" + server.port() + (config.devMode() ? " (dev mode)" : ""));
        fingerprint.ifPresent(fp -> LOG.log(System.Logger.Level.INFO, "setup page certificate SHA-256 fingerprint: " + fp));
        if (!context.claimed()) {
            LOG.log(System.Logger.Level.INFO, "this box is not claimed yet: open the setup page to claim it");
            backend.claim().announce();
        }
        return new AdminServer(server, context, fingerprint);
    }

    /** The port actually bound (useful when the config asked for port 0). */
    public int port() {
        return server.port();
    }

    /** SHA-256 fingerprint of the page's certificate when TLS is on, as shown on the dashboard. */
    public Optional<String> certificateFingerprint() {
        return fingerprint;
    }

    /** Refusals and bad input so far, for the node's metrics. */
    public AdminCounters.Snapshot counters() {
        return context.counters().snapshot();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops accepting requests; open dashboards see their live stream end. */
    @Override
    public void close() {
        context.stopping();
        server.stop();
    }

    private static SelfSignedCertificate certificate(AdminConfig config, TlsMaterialStore store) throws IOException {
        Optional<TlsMaterialStore.TlsMaterial> stored = store.load();
        if (stored.isPresent()) {
            try {
                return SelfSignedCertificate.fromMaterial(stored.get());
            } catch (GeneralSecurityException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stored setup page certificate is unreadable; making a new one: " + e);
            }
        }
        List<String> names = new ArrayList<>(List.of("localhost"));
        config.hostNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        if (!config.bindAddress().isAnyLocalAddress() && !config.bindAddress().isLoopbackAddress()) {
            addresses.add(config.bindAddress());
        }
        SelfSignedCertificate created = SelfSignedCertificate.generate(names, addresses, config.clock().instant());
        store.store(created.toMaterial());
        LOG.log(System.Logger.Level.INFO, "made a new setup page certificate");
        return created;
    }
}
