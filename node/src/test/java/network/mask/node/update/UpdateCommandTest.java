package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import network.mask.node.cli.Main;
import network.mask.webui.spi.UpdateControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masknode update ...} and the setup page's adapter, on real files and a loopback feed. */
class UpdateCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {}

    private static Run masknode(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path config(TestBox box) throws Exception {
        Path f = tmp.resolve("update.properties");
        Files.writeString(f, "feed_url=" + box.settings.feedUrl().orElseThrow() + "\npublic_key_file=" + box.releases.publicKeyFile
                + "\nroot=" + box.settings.root() + "\nrequest_file=" + box.requestFile + "\n");
        return f;
    }

    @Test
    void checkShowsTheOfferAndStatusTheRecordedState() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.releases.publish("0.2.0", "0.1.0");
            Path config = config(box);
            Run check = masknode("update", "check", "--config", config.toString(), "--image-dir", box.imageDir.toString());
            assertEquals(0, check.exit(), check.err());
            assertTrue(check.out().contains("Installed: 0.1.0"), check.out());
            assertTrue(check.out().contains("Available: 0.2.0") && check.out().contains("Notes for 0.2.0"), check.out());
            Run status = masknode("update", "status", "--config", config.toString());
            assertTrue(status.out().contains("Available: 0.2.0"), "check recorded what it found: " + status.out());
            assertTrue(status.out().contains("Install automatically: on"), status.out());
        }
    }

    @Test
    void aForgedFeedFailsTheCheckInPlainWords() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.releases.publish("0.2.0", "0.1.0");
            Files.writeString(box.releases.feedDir.resolve("feed.json"), "{\"format\":1,\"serial\":99,\"releases\":[]}");
            Run check = masknode("update", "check", "--config", config(box).toString(), "--image-dir", box.imageDir.toString());
            assertEquals(1, check.exit());
            assertTrue(check.out().contains("BAD_SIGNATURE") && check.out().contains("not signed by the Mask Node release key"), check.out());
        }
    }

    @Test
    void installAndAutoWriteTheOwnersWish() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            Path config = config(box);
            assertEquals(0, masknode("update", "auto", "off", "--config", config.toString()).exit());
            assertFalse(UpdateRequest.read(box.requestFile).automatic());
            Run install = masknode("update", "install", "0.2.0", "--config", config.toString());
            assertEquals(0, install.exit(), install.err());
            UpdateRequest wish = UpdateRequest.read(box.requestFile);
            assertEquals("0.2.0", wish.install());
            assertFalse(wish.written().isEmpty());
            assertEquals(2, masknode("update", "install", "not-a-version", "--config", config.toString()).exit());
            assertEquals(2, masknode("update", "auto", "maybe", "--config", config.toString()).exit());
        }
    }

    @Test
    void theSetupPagesAdapterReadsTheUpdatersStateAndWritesWishesTheUpdaterActsOn() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.systemd.behave("0.2.0", SimulatedSystemd.Behaviour.CRASHES_AFTER_READY);
            UpdateControl page = new OwnerUpdateControl(box.settings, box.requestFile.getParent(), "0.1.0");
            page.setAutomatic(false);
            box.run();
            UpdateControl.Status s = page.status();
            assertEquals("0.1.0", s.installed());
            assertEquals("0.2.0", s.available().orElseThrow().version());
            assertEquals("Notes for 0.2.0", s.available().orElseThrow().notes());
            assertFalse(s.automatic());
            assertTrue(s.off().isEmpty(), s.off().toString());

            page.installNow("0.2.0");
            box.run();
            s = page.status();
            assertEquals("0.1.0", s.installed());
            String outcome = s.lastOutcome().orElseThrow();
            assertTrue(outcome.startsWith("0.2.0 was rolled back") && outcome.contains("systemd restarted it"), outcome);
        }
    }
}
