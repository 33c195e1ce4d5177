package network.mask.node.nymapistandin;

import static network.mask.node.config.ConfigSchema.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.NetworkWiring;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.NodeKeys;
import network.mask.node.localnet.LocalnetNode;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiHttp;
import network.mask.node.rotation.RotationSchedule;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node follows the nym-api stand-in's epochs (2 s, rotations every 3 epochs) through its own
 * nym-api client, over real HTTP on loopback: for three whole rotations, sampled in the middle of
 * every epoch, the node announces exactly what nym-node announces (the primary for the network's
 * rotation, the next key only in the rotation's last epoch), keeps the overlap key unannounced for
 * the first epoch, and the stand-in serves the key the network's rotation needs.
 */
class RotationOnTheStandInsClockTest {

    static final Duration EPOCH = Duration.ofSeconds(2);
    static final int VALIDITY = 3;

    @TempDir Path dir;

    record Sample(long epoch, long rotation, long position, long announcedPrimary, Long announcedNext,
                  Long heldSecondary, String servedKey, String primaryKey, long servedRotation) {}

    @Test
    void threeRotationsAnnouncedAsNymNodeAnnouncesThem() throws Exception {
        Clock clock = Clock.systemUTC();
        // Rotation 1 begins now (epoch 3 of 3-epoch rotations, counted from epoch 0).
        EpochClock epochs = new EpochClock(clock.instant().minus(EPOCH.multipliedBy(VALIDITY)), EPOCH, VALIDITY, 0, clock);
        try (NymApiStandIn standIn = new NymApiStandIn(epochs, new HttpNodeDescriber(true), 10).start();
             NymApiClient client = new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(2), "test"))) {
            int api = TestNodes.freePort();
            NodeConfig config = TestNodes.config(dir).with(NODE_DATA_DIR, dir.toString())
                    .with(MIX_PORT, TestNodes.freePort()).with(MIX_ANNOUNCE_HOST, "127.0.0.1")
                    .with(API_BIND_HOST, "127.0.0.1").with(API_PORT, api).with(NODE_ACCEPTED_OPERATOR_TERMS, true)
                    .with(NET_NYM_API_URLS, standIn.baseUrl().toString())
                    .with(NET_TOPOLOGY_REFRESH, Duration.ofSeconds(1));
            NodeDaemon daemon = NodeDaemon.builder(config).build();
            NetworkWiring.addTo(daemon, clock).orElseThrow();
            daemon.addService(LocalnetNode.publicApi(daemon));
            daemon.start();
            try (HttpNodeDescriber describer = new HttpNodeDescriber(true)) {
                java.net.URI apiBase = java.net.URI.create("http://127.0.0.1:" + api);
                standIn.register(apiBase, NodeRole.LAYER1);

                // Let the node catch up with the network (its first key is not the network's), then
                // sample the middle of every epoch of the next three whole rotations.
                RotationSchedule now = epochs.schedule();
                long firstEpoch = now.firstEpochOf(now.currentRotationId() + 2);
                List<Sample> samples = new ArrayList<>();
                for (long e = firstEpoch; e < firstEpoch + 3L * VALIDITY; e++) {
                    sleepUntil(epochs.schedule().epochStart(e).plus(EPOCH.dividedBy(2)));
                    RotationSchedule s = epochs.schedule();
                    assertEquals(e, s.currentAbsoluteEpochId(), "sampled in epoch " + e);
                    DescribedNode d = describer.describe(apiBase);
                    NodeKeys held = daemon.keys();
                    NymApiClient.NodeList served = client.semiSkimmedNodes();
                    samples.add(new Sample(e, s.currentRotationId(), e - s.firstEpochOf(s.currentRotationId()),
                            d.primarySphinxKey().rotationId(),
                            d.preAnnouncedSphinxKey().map(DescribedNode.AnnouncedKey::rotationId).orElse(null),
                            held.secondary() == null ? null : held.secondary().rotationId(),
                            served.nodes().getFirst().sphinxKeyBase58(), held.primary().publicKeyBase58(), served.rotationId()));
                }
                for (Sample x : samples) {
                    String at = x.toString();
                    assertEquals(x.rotation(), x.announcedPrimary(), "the primary is the network's rotation: " + at);
                    if (x.position() == VALIDITY - 1) {
                        assertEquals(x.rotation() + 1, x.announcedNext(), "the next key is pre-announced in the last epoch: " + at);
                    } else {
                        assertEquals(null, x.announcedNext(), "nothing else is announced: " + at);
                    }
                    if (x.position() == 0) {
                        assertEquals(x.rotation() - 1, x.heldSecondary(), "the old key is kept, unannounced, for one epoch: " + at);
                    } else if (x.position() < VALIDITY - 1) {
                        assertEquals(null, x.heldSecondary(), "the old key is purged after its overlap epoch: " + at);
                    }
                    assertEquals(x.rotation(), x.servedRotation(), at);
                    assertEquals(x.primaryKey(), x.servedKey(), "nym-api serves the key of the network's rotation: " + at);
                }
                long rotations = samples.getLast().rotation() - samples.getFirst().rotation() + 1;
                assertEquals(3, rotations);
                var m = daemon.metrics().snapshot();
                assertTrue(m.event("sphinx_key_swapped") >= 3, "swaps: " + m.event("sphinx_key_swapped"));
                assertTrue(m.event("sphinx_key_purged") >= 3, "purges: " + m.event("sphinx_key_purged"));
                assertTrue(m.event("sphinx_key_pre_announced") >= 3, "pre-announcements: " + m.event("sphinx_key_pre_announced"));
                assertFalse(samples.stream().map(Sample::primaryKey).distinct().count() < 3, "a new key each rotation");
            } finally {
                daemon.stop(Duration.ZERO);
            }
        }
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) Thread.sleep(ms);
    }
}
