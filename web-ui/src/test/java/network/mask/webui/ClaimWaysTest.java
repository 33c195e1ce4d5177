package network.mask.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import network.mask.webui.backup.BackupCipher;
import network.mask.webui.claim.OneTimeClaimCode;
import network.mask.webui.security.PasswordHasher;
import network.mask.webui.security.PrivateAddresses;
import network.mask.webui.spi.ClaimAuthority;
import org.junit.jupiter.api.Test;

/**
 * The claim page tells a box without a button from one with: the press is offered only where the
 * board has a button, and every page names the screen, the SD-card password file and the log.
 */
class ClaimWaysTest {

    /** The real one-time code, on a box whose board config names no button, with a note from the start. */
    record BareBox(OneTimeClaimCode code, Optional<String> note) implements ClaimAuthority {
        public boolean acceptCode(String candidate) { return code.acceptCode(candidate); }
        public boolean takeButtonPress() { return code.takeButtonPress(); }
        public void announce() { code.announce(); }
        @Override public boolean hasButton() { return false; }
        @Override public Optional<String> notice() { return note; }
    }

    private static AdminServer start(ClaimAuthority claim) throws Exception {
        return AdminServer.start(AdminConfig.of(InetAddress.getLoopbackAddress(), 0), new FakeNode().backend(claim),
                PrivateAddresses::isPrivate, new PasswordHasher(AdminFixture.CHEAP), new BackupCipher(AdminFixture.CHEAP));
    }

    @Test
    void withoutAButtonThePressIsNeitherOfferedNorAccepted() throws Exception {
        AtomicBoolean pressed = new AtomicBoolean(true);   // even a "press" the board reported must not count
        String refused = "masknode-claim.txt was not used: Use at least 10 characters (this one has 4).";
        try (AdminServer server = start(new BareBox(OneTimeClaimCode.generate(() -> pressed.getAndSet(false)), Optional.of(refused)))) {
            TestClient c = new TestClient(URI.create("http://127.0.0.1:" + server.port() + "/"), Optional.empty());
            String page = c.get("/claim").body();
            assertFalse(page.toLowerCase().contains("press the button"), page);
            assertTrue(page.contains("plug a monitor or TV into the box's HDMI port"), page);
            assertTrue(page.contains("<code>masknode-claim.txt</code>"), page);
            assertTrue(page.contains("journalctl -u masknode"), page);
            assertTrue(page.contains("sticker"), page);
            assertTrue(page.contains("id=\"claim-file-notice\"") && page.contains("(this one has 4)"), "why the file was refused: " + page);

            TestClient.Response empty = c.post("/claim", Map.of("code", ""));
            assertEquals(400, empty.status(), "no button: an empty code proves nothing");
            assertTrue(empty.body().contains("Enter the one-time code. Below: where to find it."), empty.body());
            assertTrue(pressed.get(), "the press was not even asked for");
        }
    }

    @Test
    void withAButtonThePressIsOfferedAsOneWayAmongTheOthers() throws Exception {
        try (AdminFixture admin = AdminFixture.start()) {
            String page = admin.client().get("/claim").body();
            assertTrue(page.contains("press the button on the box briefly"), page);
            assertTrue(page.contains("HDMI port") && page.contains("masknode-claim.txt"), page);
            assertFalse(page.contains("claim-file-notice"), "no note without a claim file");
        }
    }

    @Test
    void theLoginPageSaysTheBoxWasClaimedFromTheFile() throws Exception {
        String claimed = "This box was claimed with the password from masknode-claim.txt (the file is now removed). Log in with that password.";
        FakeNode node = new FakeNode();
        node.passwordHash.set(new PasswordHasher(AdminFixture.CHEAP).hash(AdminFixture.PASSWORD));
        try (AdminServer server = AdminServer.start(AdminConfig.of(InetAddress.getLoopbackAddress(), 0),
                node.backend(new BareBox(OneTimeClaimCode.generate(() -> false), Optional.of(claimed))),
                PrivateAddresses::isPrivate, new PasswordHasher(AdminFixture.CHEAP), new BackupCipher(AdminFixture.CHEAP))) {
            TestClient c = new TestClient(URI.create("http://127.0.0.1:" + server.port() + "/"), Optional.empty());
            TestClient.Response login = c.get("/login");
            assertEquals(200, login.status(), login.body());
            assertTrue(login.body().contains("claimed with the password from masknode-claim.txt"), login.body());
            assertEquals(303, c.post("/login", Map.of("password", AdminFixture.PASSWORD)).status());
        }
    }
}
