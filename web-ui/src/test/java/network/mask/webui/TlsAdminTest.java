package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

import network.mask.webui.claim.OneTimeClaimCode;
import network.mask.webui.security.SelfSignedCertificate;
import org.junit.jupiter.api.Test;

/** Optional HTTPS: per-device certificate, persisted, fingerprint shown; Secure cookies. */
class TlsAdminTest {

    @Test
    void httpsWithSecureCookiesAndTheFingerprintOnTheDashboard() {
        try (AdminFixture admin = AdminFixture.start(c -> c.withTls(true))) {
            assertNotNull(admin.node.tls.get(), "the certificate was stored through the interface");
            String fingerprint = SelfSignedCertificate.fingerprint(admin.node.tls.get().certificateDer());
            assertEquals(fingerprint, admin.server.certificateFingerprint().orElseThrow());
            assertTrue(admin.base.toString().startsWith("https://"));

            TestClient c = admin.client();
            TestClient.Response claim = c.get("/claim");
            assertEquals(200, claim.status());
            String cookie = claim.header("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith("__Host-masknode="), cookie);
            assertTrue(cookie.contains("; Path=/; HttpOnly; SameSite=Strict; Secure"), cookie);

            TestClient owner = admin.claimed();
            admin.completeSettings();
            String page = owner.get("/dashboard").body();
            assertTrue(page.contains("<code id=\"tls-fingerprint\" class=\"wrap\">" + fingerprint + "</code>"), page);
            assertEquals(403, owner.postRaw("/actions/restart", Map.of(), Map.of()).status(), "CSRF holds on TLS too");
        }
    }

    @Test
    void theCertificateSurvivesARestart() throws Exception {
        FakeNode node = new FakeNode();
        AdminConfig config = AdminConfig.of(InetAddress.getLoopbackAddress(), 0).withTls(true)
                .withLiveInterval(Duration.ofMillis(200));
        String first;
        try (AdminServer s = AdminServer.start(config, node.backend(OneTimeClaimCode.generate(() -> false)))) {
            first = s.certificateFingerprint().orElseThrow();
        }
        try (AdminServer s = AdminServer.start(config, node.backend(OneTimeClaimCode.generate(() -> false)))) {
            assertEquals(first, s.certificateFingerprint().orElseThrow());
        }
        node.tls.set(new network.mask.webui.spi.TlsMaterialStore.TlsMaterial(new byte[] {1, 2}, new byte[] {3}));
        try (AdminServer s = AdminServer.start(config, node.backend(OneTimeClaimCode.generate(() -> false)))) {
            String replaced = s.certificateFingerprint().orElseThrow();
            assertTrue(!replaced.equals(first), "damaged material is replaced, not fatal");
            assertEquals(replaced, SelfSignedCertificate.fingerprint(node.tls.get().certificateDer()));
        }
    }
}
