package network.mask.node.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import network.mask.node.api.SphinxKey;
import network.mask.node.daemon.KeysIdentity;
import network.mask.node.keys.ActiveKeys;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.replay.BloomSizing;
import network.mask.node.replay.ReplayFilters;
import network.mask.node.replay.ReplaySizingPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller over several rotations on a clock the test moves: real key files, the live key
 * snapshot, one real replay filter per key, and what the node's host information announces.
 */
class RotationControllerTest {

    static final Duration HOUR = Duration.ofHours(1);
    static final long E0 = 100;   // rotation r spans epochs 100+3r .. 102+3r

    @TempDir
    Path data;

    final SteppedNetwork net = new SteppedNetwork(3, E0, HOUR);
    final MixMetrics metrics = new MixMetrics(net);
    final List<AutoCloseable> open = new ArrayList<>();

    /** A node as the daemon assembles one: keys from disk, filters for them, the controller. */
    record Node(KeyStore store, ActiveKeys active, ReplayFilters replay, RotationController controller, KeysIdentity identity) {}

    Node start() throws Exception {
        KeyStore store = new KeyStore(data, new SecureRandom());
        NodeKeys keys = store.loadOrCreate(net.latest().map(RotationSchedule::currentRotationId).orElse(1L));
        ActiveKeys active = new ActiveKeys(keys);
        ReplaySizingPolicy sizing = new ReplaySizingPolicy(1e-5, 10, 1 << 20);
        ReplayFilters replay = new ReplayFilters(data, BloomSizing.of(10_000, 1e-5), metrics, net);
        replay.retain(keys.sphinxKeys().stream().map(k -> k.rotationId()).collect(Collectors.toSet()));
        replay.startJournal(Duration.ofSeconds(1));
        RotationController c = new RotationController(net, net, new KeyRing(store, active, replay, sizing, new SecureRandom()),
                metrics, RotationController.DEFAULT_POLL);
        c.recoverAtLoad();
        open.add(replay);
        return new Node(store, active, replay, c, new KeysIdentity(active));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    /** Primary id, secondary id (or -1), announced primary id and announced pre-announced id (or -1). */
    record Seen(long primary, long secondary, long announcedPrimary, long announcedNext) {}

    static Seen seen(Node n) {
        NodeKeys k = n.active().get();
        Optional<SphinxKey> next = n.identity().preAnnouncedSphinxKey();
        return new Seen(k.primary().rotationId(), k.secondary() == null ? -1 : k.secondary().rotationId(),
                n.identity().primarySphinxKey().rotationId(), next.map(SphinxKey::rotationId).orElse(-1L));
    }

    @Test
    void threeRotationsPreAnnounceSwapOverlapAndPurgeAtTheRightEpochs() throws Exception {
        net.setTime(net.startOf(E0).plusSeconds(1));
        Node n = start();
        assertEquals(0, n.active().get().primary().rotationId(), "a first key takes the network's rotation id");

        // epoch offset -> what the node holds and announces after the steps due at its start
        List<Seen> expected = List.of(
                new Seen(0, -1, 0, -1),   // 100: rotation 0
                new Seen(0, -1, 0, -1),   // 101
                new Seen(0, 1, 0, 1),     // 102: last epoch of rotation 0: key 1 pre-announced
                new Seen(1, 0, 1, -1),    // 103: rotation 1: swapped; key 0 kept for the overlap, not announced
                new Seen(1, -1, 1, -1),   // 104: overlap over: key 0 purged
                new Seen(1, 2, 1, 2),     // 105: key 2 pre-announced
                new Seen(2, 1, 2, -1),    // 106: rotation 2
                new Seen(2, -1, 2, -1),   // 107
                new Seen(2, 3, 2, 3),     // 108
                new Seen(3, 2, 3, -1),    // 109: rotation 3
                new Seen(3, -1, 3, -1));  // 110
        for (int i = 0; i < expected.size(); i++) {
            long epoch = E0 + i;
            if (i > 0) {
                // A minute before the epoch starts nothing of it has happened yet.
                net.setTime(net.startOf(epoch).minusSeconds(60));
                n.controller().runDue();
                assertEquals(expected.get(i - 1), seen(n), "just before epoch " + epoch);
            }
            net.setTime(net.startOf(epoch).plusSeconds(1));
            RotationAction next = n.controller().runDue();
            assertEquals(expected.get(i), seen(n), "at epoch " + epoch);
            Set<Long> keyIds = n.active().get().sphinxKeys().stream().map(k -> k.rotationId()).collect(Collectors.toSet());
            assertEquals(keyIds, n.replay().rotationIds(), "one replay filter per live key at epoch " + epoch);
            assertTrue(next.at().isAfter(net.instant()), "the next step lies ahead: " + next);
            n.replay().saveAll();
            for (long id = 0; id <= 3; id++) {
                Path file = n.replay().directory().resolve("replay-" + id + ".bloom");
                assertEquals(keyIds.contains(id), Files.exists(file), "filter file of key " + id + " at epoch " + epoch);
            }
            assertKeyFilesMatch(n);
        }
        assertEquals(3, metrics.eventCount(network.mask.node.metrics.Event.SPHINX_KEY_PRE_ANNOUNCED));
        assertEquals(3, metrics.eventCount(network.mask.node.metrics.Event.SPHINX_KEY_SWAPPED));
        assertEquals(3, metrics.eventCount(network.mask.node.metrics.Event.SPHINX_KEY_PURGED));
    }

    @Test
    void theTimerThreadTakesTheStepsByItself() throws Exception {
        net.setTime(net.startOf(E0 + 2).minusSeconds(1));
        Node n = start();
        n.controller().start();
        open.add(0, n.controller());
        net.setTime(net.startOf(E0 + 2).plusSeconds(1));
        // The timer woke at the deadline it computed from this clock (1 s), so the pre-announce follows.
        assertTrue(network.mask.node.testing.TestNodes.await(() -> n.active().get().secondary() != null, Duration.ofSeconds(20)));
        assertEquals(1, n.active().get().secondary().rotationId());
    }

    @Test
    void withoutAScheduleTheKeysStayAsTheyAre() throws Exception {
        net.known(false);
        Node n = start();
        NodeKeys before = n.active().get();
        assertEquals(1, before.primary().rotationId(), "no network id known: the local first id");
        for (int i = 0; i < 10; i++) {
            net.setTime(net.startOf(E0 + i).plusSeconds(1));
            assertNull(n.controller().runDue());
        }
        assertEquals(before, n.active().get());
        assertTrue(n.controller().planned().isEmpty());
    }

    @Test
    void aStuckEpochHoldsTheKeys() throws Exception {
        net.setTime(net.startOf(E0 + 1).plusSeconds(1));
        Node n = start();
        net.freezeEpoch(E0 + 1);
        net.setTime(net.startOf(E0 + 2).plus(HOUR.dividedBy(2)));   // epoch 101 reported 50 % overdue
        RotationAction a = n.controller().runDue();
        assertEquals(RotationAction.Kind.WAIT, a.kind());
        assertTrue(n.active().get().secondary() == null, "nothing pre-announced while the network is stuck");
        net.freezeEpoch(null);
        n.controller().runDue();
        assertEquals(1, n.active().get().secondary().rotationId(), "resumes once the epoch advances");
    }

    /** The key files say what the live snapshot says (a restart would load the same keys). */
    static void assertKeyFilesMatch(Node n) throws Exception {
        NodeKeys onDisk = n.store().load();
        NodeKeys live = n.active().get();
        assertEquals(live.primary().publicKeyBase58(), onDisk.primary().publicKeyBase58());
        assertEquals(live.secondary() == null ? null : live.secondary().publicKeyBase58(),
                onDisk.secondary() == null ? null : onDisk.secondary().publicKeyBase58());
    }

    // ---- crash recovery at load: the files in every intermediate state of a step ----

    @Test
    void recoveryPreAnnouncedKeyWrittenThenCrash() throws Exception {
        net.setTime(net.startOf(E0 + 2).plusSeconds(1));
        Node a = start();
        a.controller().runDue();
        assertEquals(new Seen(0, 1, 0, 1), seen(a));
        a.replay().close();   // no save: a crash right after the key file was written
        open.clear();
        Node b = start();
        b.controller().runDue();
        assertEquals(new Seen(0, 1, 0, 1), seen(b), "the pre-announced key survives and is still announced");
        assertEquals(Set.of(0L, 1L), b.replay().rotationIds());
    }

    @Test
    void recoveryNodeWasOffAcrossTheBoundary() throws Exception {
        net.setTime(net.startOf(E0 + 2).plusSeconds(1));
        Node a = start();
        a.controller().runDue();
        a.replay().close();
        open.clear();
        net.setTime(net.startOf(E0 + 3).plusSeconds(5));   // back in rotation 1: the swap was missed
        Node b = start();
        assertEquals(new Seen(1, 0, 1, -1), seen(b), "swapped at load, before any packet");
        assertKeyFilesMatch(b);
    }

    @Test
    void recoverySwapCutBetweenItsTwoFileWrites() throws Exception {
        net.setTime(net.startOf(E0 + 2).plusSeconds(1));
        Node a = start();
        a.controller().runDue();
        NodeKeys k = a.active().get();
        a.replay().close();
        open.clear();
        // The primary file already holds key 1; the secondary file still holds key 1 too.
        a.store().save(new NodeKeys(k.identity(), k.secondary(), null));
        a.store().writeSecondary(k.secondary());
        net.setTime(net.startOf(E0 + 3).plusSeconds(5));
        Node b = start();
        b.controller().runDue();
        assertEquals(new Seen(1, -1, 1, -1), seen(b), "the network's key is primary; only the overlap key is lost");
    }

    @Test
    void recoveryPurgeCutBeforeTheFileWasDeleted() throws Exception {
        net.setTime(net.startOf(E0 + 3).plusSeconds(1));
        Node a = start();   // first key 1
        NodeKeys k = a.active().get();
        a.replay().close();
        open.clear();
        a.store().save(new NodeKeys(k.identity(), k.primary(), network.mask.node.keys.SphinxKey.generate(0, new SecureRandom())));
        net.setTime(net.startOf(E0 + 4).plusSeconds(5));   // overlap epoch over
        Node b = start();
        assertEquals(0, b.active().get().secondary().rotationId());
        b.controller().runDue();
        assertEquals(new Seen(1, -1, 1, -1), seen(b));
        assertFalse(Files.exists(data.resolve("keys").resolve(KeyStore.SECONDARY_FILE)));
    }

    @Test
    void recoveryNodeOffForManyRotations() throws Exception {
        net.setTime(net.startOf(E0).plusSeconds(1));
        Node a = start();
        a.replay().close();
        open.clear();
        net.setTime(net.startOf(E0 + 3 * 5 + 1).plusSeconds(5));   // rotation 5, second epoch
        Node b = start();
        b.controller().runDue();
        assertEquals(new Seen(5, -1, 5, -1), seen(b), "a current key at once; the stale one purged");
        assertEquals(Set.of(5L), b.replay().rotationIds());
    }

    @Test
    void leftoverTempFilesAreRemovedAtStart() throws Exception {
        net.setTime(net.startOf(E0).plusSeconds(1));
        Node a = start();
        a.replay().saveAll();
        a.replay().close();
        open.clear();
        Path keyTemp = Files.writeString(data.resolve("keys").resolve(".sphinx_x25519_secondary.key.tmp-1f"), "half");
        Path replayTemp = Files.writeString(a.replay().directory().resolve(".replay-0.bloom.tmp-2e"), "half");
        start();
        assertFalse(Files.exists(keyTemp));
        assertFalse(Files.exists(replayTemp));
    }
}
