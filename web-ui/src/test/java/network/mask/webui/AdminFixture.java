package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;

import network.mask.webui.backup.BackupCipher;
import network.mask.webui.claim.OneTimeClaimCode;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.PrivateAddresses;

/**
 * A real {@link AdminServer} on 127.0.0.1 and a free port, wired to a {@link FakeNode}.
 * Argon2 costs are turned down so tests stay quick; everything else is production code.
 */
public final class AdminFixture implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery staple";
    public static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);

    public final FakeNode node = new FakeNode();
    public final AtomicBoolean buttonPressed = new AtomicBoolean();
    public final OneTimeClaimCode claim = OneTimeClaimCode.generate(() -> buttonPressed.getAndSet(false));
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    public final AdminServer server;
    public final URI base;
    private final Optional<SSLContext> trust;

    private AdminFixture(UnaryOperator<AdminConfig> customise, Predicate<InetAddress> sourceAllowed) {
        this(customise, sourceAllowed, new PasswordHasher(CHEAP));
    }

    private AdminFixture(UnaryOperator<AdminConfig> customise, Predicate<InetAddress> sourceAllowed, PasswordHasher hasher) {
        AdminConfig config = customise.apply(AdminConfig.of(InetAddress.getLoopbackAddress(), 0)
                .withClock(clock).withLiveInterval(Duration.ofMillis(200)));
        try {
            server = AdminServer.start(config, node.backend(claim), sourceAllowed, hasher,
                    new BackupCipher(CHEAP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = URI.create((config.tls() ? "https" : "http") + "://127.0.0.1:" + server.port() + "/");
        trust = config.tls() ? Optional.of(Tls.trusting(node.tls.get())) : Optional.empty();
    }

    public static AdminFixture start() {
        return new AdminFixture(c -> c, PrivateAddresses::isPrivate);
    }

    public static AdminFixture start(UnaryOperator<AdminConfig> customise) {
        return new AdminFixture(customise, PrivateAddresses::isPrivate);
    }

    /** With a real-sized password hash, so concurrent requests overlap while it runs. */
    public static AdminFixture startWithHasher(PasswordHasher hasher) {
        return new AdminFixture(c -> c, PrivateAddresses::isPrivate, hasher);
    }

    /** Pretends every peer (even loopback) is on the internet, to see the filter refuse it. */
    public static AdminFixture startRefusingEveryone() {
        return new AdminFixture(c -> c, a -> false);
    }

    public TestClient client() {
        return new TestClient(base, trust);
    }

    /** A browser on another LAN device, e.g. {@code "127.0.0.2"} (a different client to the throttle and session store). */
    public TestClient clientFrom(String loopbackAddress) {
        try {
            return new TestClient(base, trust, Optional.of(InetAddress.getByName(loopbackAddress)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Claims the box with the one-time code and sets {@link #PASSWORD}; returns the owner's client. */
    public TestClient claimed() {
        TestClient c = presenceProven();
        TestClient.Response r = c.post("/claim/password", Map.of("password", PASSWORD, "confirm", PASSWORD));
        assertEquals(303, r.status(), r.body());
        return c;
    }

    /** A visitor who entered the one-time code and now looks at the password form. */
    public TestClient presenceProven() {
        TestClient c = client();
        c.get("/claim");
        TestClient.Response r = c.post("/claim", Map.of("code", claim.display()));
        assertEquals(303, r.status(), r.body());
        assertEquals("/claim/password", r.location());
        c.get("/claim/password");
        return c;
    }

    /** A second browser that logs in with the password (the box must be claimed). */
    public TestClient loggedIn() {
        TestClient c = client();
        c.get("/login");
        TestClient.Response r = c.post("/login", Map.of("password", PASSWORD));
        assertEquals(303, r.status(), r.body());
        return c;
    }

    /** Settings a finished wizard leaves behind. */
    public void completeSettings() {
        node.settings.set(FakeNode.FRESH.withIdentity("Attic node", "Runs in the attic")
                .withNetwork("node.example.net", 1789, 8080).withWallet("n1jw6mp7d5xqc7w6xm79lha27glmd0vdt3l9artf"));
    }

    @Override
    public void close() {
        server.close();
    }

    /** Trust exactly the page's own certificate, the way an owner who checked the fingerprint would. */
    static final class Tls {
        static SSLContext trusting(network.mask.webui.spi.TlsMaterialStore.TlsMaterial material) {
            try {
                java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                        .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(material.certificateDer()));
                java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setCertificateEntry("admin", cert);
                javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
                tmf.init(ks);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                return ctx;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
