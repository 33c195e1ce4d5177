package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import network.mask.node.update.release.FeedWriter;
import network.mask.node.update.release.MinisignSecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A down, slow or lying feed: every refusal is typed, counted, and happens before anything is
 * written where the node runs from (versions/ stays empty, current still names the image).
 */
class RefusalTest {

    @TempDir
    Path tmp;

    private static void assertUntouched(TestBox box) throws Exception {
        assertEquals("0.1.0", box.currentVersion());
        try (var versions = Files.list(box.layout.versions())) {
            assertEquals(List.of(), versions.toList(), "nothing written into versions/");
        }
        assertEquals(List.of("0.1.0"), box.systemd.started, "the node was not restarted");
    }

    @Test
    void aFeedSignedByAnotherKeyIsRefusedBeforeAnyDownload() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            FeedWriter.sign(box.releases.feedDir.resolve("feed.json"), MinisignSecretKey.generate(new SecureRandom()), "forged");
            UpdateState s = box.run();
            assertEquals("UNKNOWN_KEY", s.lastCheck.error());
            assertEquals(1, s.counter("check_errors"));
            assertNull(box.server.hits.get("masknode-0.2.0.zip"), "the bundle was never fetched");
            assertUntouched(box);
        }
    }

    @Test
    void aFeedChangedAfterSigningIsRefused() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            Path feed = box.releases.feedDir.resolve("feed.json");
            Files.writeString(feed, Files.readString(feed).replace("\"minimum_previous\": \"0.1.0\"", "\"minimum_previous\": \"0.0.1\""));
            UpdateState s = box.run();
            assertEquals("BAD_SIGNATURE", s.lastCheck.error());
            assertUntouched(box);
        }
    }

    @Test
    void aBundleWhoseHashDiffersIsRefusedAndLeavesNothingBehind() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            // Same size, different bytes: a tampered mirror.
            Path zip = box.releases.feedDir.resolve("masknode-0.2.0.zip");
            byte[] bytes = Files.readAllBytes(zip);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(zip, bytes);
            UpdateState s = box.run();
            assertEquals("refused", s.lastOutcome.result());
            assertEquals("BAD_HASH", s.lastOutcome.reason().split(":")[0]);
            assertEquals(1, s.counter("error_bad_hash"));
            assertUntouched(box);
            try (var staging = Files.list(box.layout.staging())) {
                assertEquals(0, staging.count());
            }
        }
    }

    @Test
    void aDownloadCutOffMidwayIsTruncatedNotInstalled() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.server.fault("masknode-0.2.0.zip", FeedServer.Fault.TRUNCATE_HALF);
            UpdateState s = box.run();
            assertEquals("failed", s.lastOutcome.result());
            assertEquals("BUNDLE_TRUNCATED", s.lastOutcome.reason().split(":")[0]);
            assertUntouched(box);
        }
    }

    @Test
    void aBundleLargerThanItsSignedSizeIsCutOff() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.server.fault("masknode-0.2.0.zip", FeedServer.Fault.ENDLESS);
            UpdateState s = box.run();
            assertEquals("BUNDLE_TOO_LARGE", s.lastOutcome.reason().split(":")[0]);
            assertUntouched(box);
        }
    }

    @Test
    void aStalledServerTimesOut() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.server.fault("feed.json", FeedServer.Fault.STALL);
            UpdateState s = box.run();
            assertEquals("FEED_TIMEOUT", s.lastCheck.error());
            assertUntouched(box);
        }
    }

    @Test
    void anEndlessFeedIsCutOffAtItsLimit() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.server.fault("feed.json", FeedServer.Fault.ENDLESS);
            assertEquals("FEED_TOO_LARGE", box.run().lastCheck.error());
        }
    }

    @Test
    void aServerErrorAndAMissingFeedAreTyped() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            assertEquals("FEED_HTTP_STATUS", box.run().lastCheck.error(), "404: nothing published yet");
            box.releases.publish("0.2.0", "0.1.0");
            box.server.fault("feed.json", FeedServer.Fault.HTTP_500);
            box.ask(UpdateRequest.DEFAULT.withCheck());
            UpdateState s = box.run();
            assertEquals("FEED_HTTP_STATUS", s.lastCheck.error());
            assertEquals(2, s.counter("error_feed_http_status"));
            box.server.close();
            box.ask(UpdateRequest.DEFAULT.withCheck());
            assertEquals("FEED_UNREACHABLE", box.run().lastCheck.error());
            assertUntouched(box);
        }
    }

    @Test
    void anOlderSignedFeedReplayedLaterIsRefused() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.ask(UpdateRequest.DEFAULT.withAutomatic(false));
            box.releases.publish("0.2.0", "0.1.0");
            Path feed = box.releases.feedDir.resolve("feed.json");
            Path sig = box.releases.feedDir.resolve("feed.json.minisig");
            Files.copy(feed, tmp.resolve("old.json"));
            Files.copy(sig, tmp.resolve("old.json.minisig"));
            box.releases.publish("0.3.0", "0.1.0");
            assertEquals("0.3.0", box.run().available().orElseThrow().version().toString());
            Files.copy(tmp.resolve("old.json"), feed, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tmp.resolve("old.json.minisig"), sig, StandardCopyOption.REPLACE_EXISTING);
            box.ask(UpdateRequest.read(box.requestFile).withCheck());
            UpdateState s = box.run();
            assertEquals("FEED_REPLAYED", s.lastCheck.error());
            assertEquals("0.3.0", s.available().orElseThrow().version().toString(), "the replay hides nothing");
        }
    }

    @Test
    void aDowngradeAskedForByNameIsRefused() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.3.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.ask(UpdateRequest.DEFAULT.withInstall("0.2.0"));
            UpdateState s = box.run();
            assertEquals("DOWNGRADE", s.lastOutcome.reason().split(":")[0]);
            assertEquals("up to date", s.lastCheck.message());
            assertEquals("0.3.0", box.currentVersion());
        }
    }

    @Test
    void aBundleHoldingAnotherVersionOrStrayFilesIsRefused() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            // The 0.2.0 entry of a correctly signed feed points at a 0.9.0 bundle (a release mistake).
            Path other = box.releases.bundle("0.9.0");
            Path wrong = box.releases.feedDir.resolve("masknode-0.2.0.zip");
            Files.move(other, wrong);
            box.releases.publishBundle(wrong, "0.2.0", "0.1.0");
            UpdateState s = box.run();
            assertEquals("BUNDLE_VERSION_MISMATCH", s.lastOutcome.reason().split(":")[0]);
            try (var versions = Files.list(box.layout.versions())) {
                assertFalse(versions.findAny().isPresent(), "the half-unpacked folder is gone");
            }
            assertEquals("0.1.0", box.currentVersion());
        }
    }
}
