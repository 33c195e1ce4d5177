package network.mask.node.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of the updater: real files, a real loopback feed, throw-away keys, a simulated systemd. */
class UpdaterTest {

    @TempDir
    Path tmp;

    @Test
    void installsTheNewerReleaseAndKeepsItOnceItPassesTheGate() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            UpdateState s = box.run();
            assertEquals("0.2.0", s.installed);
            assertEquals("0.2.0", s.good);
            assertNull(s.gate);
            assertEquals("installed", s.lastOutcome.result());
            assertEquals("0.1.0", s.lastOutcome.from());
            assertEquals(List.of("0.1.0", "0.2.0"), box.systemd.started);
            assertEquals(box.layout.versionDir(SemVer.parse("0.2.0")).toRealPath(), box.layout.target(box.layout.current()).orElseThrow());
            assertEquals(s.installed, box.state().installed, "what the node reads is what was done");
            assertTrue(s.available().isEmpty(), "the installed version is no longer on offer");
            assertTrue(Files.readString(box.layout.versionDir(SemVer.parse("0.2.0")).resolve("release.json")).contains("\"notes\":\"Notes for 0.2.0\""));
            try (var staging = Files.list(box.layout.staging())) {
                assertEquals(0, staging.count(), "the download is removed once unpacked");
            }
        }
    }

    @Test
    void aVersionThatCrashesAfterReadyIsRolledBackAndNotRetriedByItself() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.systemd.behave("0.2.0", SimulatedSystemd.Behaviour.CRASHES_AFTER_READY);
            UpdateState s = box.run();
            assertEquals("0.1.0", s.installed);
            assertEquals("0.1.0", box.currentVersion());
            assertEquals("rolled_back", s.lastOutcome.result());
            assertTrue(s.lastOutcome.reason().contains("systemd restarted it"), s.lastOutcome.reason());
            assertEquals(1, s.counter("rollbacks"));
            assertEquals(List.of("0.1.0", "0.2.0", "0.1.0"), box.systemd.started);

            box.clock.advance(Duration.ofHours(7));   // the next scheduled check
            s = box.run();
            assertEquals(List.of("0.1.0", "0.2.0", "0.1.0"), box.systemd.started, "automatic does not retry a rolled-back version");
            assertEquals("0.2.0", s.available().orElseThrow().version().toString(), "but still shows it");

            box.systemd.behave("0.2.0", SimulatedSystemd.Behaviour.HEALTHY);
            box.ask(UpdateRequest.read(box.requestFile).withInstall("0.2.0"));
            s = box.run();
            assertEquals("0.2.0", s.installed, "the owner's Install now does retry it");
        }
    }

    @Test
    void aVersionThatNeverReportsReadyIsRolledBackAfterTheTimeout() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.systemd.behave("0.2.0", SimulatedSystemd.Behaviour.NEVER_READY);
            UpdateState s = box.run();
            assertEquals("0.1.0", box.currentVersion());
            assertTrue(s.lastOutcome.reason().contains("did not report ready within 600 s"), s.lastOutcome.reason());
        }
    }

    @Test
    void aVersionWhoseHealthCheckFailsIsRolledBack() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.systemd.behave("0.2.0", SimulatedSystemd.Behaviour.NO_PING);
            UpdateState s = box.run();
            assertEquals("0.1.0", box.currentVersion());
            assertEquals("rolled_back", s.lastOutcome.result());
        }
    }

    @Test
    void aRollbackGoesToTheLastGoodUpdateNotTheImage() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            assertEquals("0.2.0", box.run().installed);
            box.releases.publish("0.3.0", "0.2.0");
            box.systemd.behave("0.3.0", SimulatedSystemd.Behaviour.CRASHES_AFTER_READY);
            box.ask(UpdateRequest.read(box.requestFile).withCheck());
            UpdateState s = box.run();
            assertEquals("0.2.0", s.installed);
            assertEquals("rolled_back", s.lastOutcome.result());
            assertTrue(Files.isDirectory(box.layout.versionDir(SemVer.parse("0.2.0"))));
        }
    }

    @Test
    void keepsCurrentGoodAndOnePreviousVersion() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            for (String v : new String[] {"0.2.0", "0.3.0", "0.4.0"}) {
                box.releases.publish(v, "0.1.0");
                box.ask(UpdateRequest.read(box.requestFile).withCheck());
                assertEquals(v, box.run().installed);
            }
            try (var versions = Files.list(box.layout.versions())) {
                assertEquals(List.of("0.3.0", "0.4.0"), versions.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void automaticOffWaitsForTheOwner() throws Exception {
        try (TestBox box = new TestBox(tmp, "0.1.0")) {
            box.systemd.boot();
            box.releases.publish("0.2.0", "0.1.0");
            box.ask(UpdateRequest.DEFAULT.withAutomatic(false));
            UpdateState s = box.run();
            assertEquals("0.1.0", s.installed);
            assertEquals("0.2.0", s.available().orElseThrow().version().toString());
            assertEquals(1, box.systemd.started.size());
            box.ask(UpdateRequest.read(box.requestFile).withInstall("latest"));
            assertEquals("0.2.0", box.run().installed);
            assertFalse(UpdateRequest.read(box.requestFile).automatic(), "installing once leaves the owner's choice alone");
        }
    }
}
