package network.mask.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import network.mask.node.keys.SphinxKey;
import network.mask.node.rotation.SteppedNetwork;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.testing.TestNodes;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import network.mask.node.worker.HopEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation through the real packet path: a daemon whose keys rotate on the network's
 * schedule (a clock the test moves), real Sphinx packets over TCP to a sink daemon. Packets for
 * the pre-announced and the overlap key are mixed, a packet for a purged key is dropped and
 * counted, and a replay stays a replay across a rotation and a restart.
 */
class KeyRotationSphinxTest {

    static final long E0 = 100;   // rotation r spans epochs 100+3r .. 102+3r

    @TempDir Path dir;
    final SteppedNetwork net = new SteppedNetwork(3, E0, Duration.ofHours(1));
    final SphinxPacketBuilder builder = new SphinxPacketBuilder();
    final Set<Long> delivered = ConcurrentHashMap.newKeySet();
    NodeDaemon sink;
    NodeDaemon node;

    @AfterEach
    void stop() {
        if (node != null) node.stop(Duration.ofMillis(100));
        if (sink != null) sink.stop(Duration.ofMillis(100));
    }

    NodeDaemon startNode() throws Exception {
        NodeDaemon d = NodeDaemon.builder(TestNodes.config(dir.resolve("node"))
                        .with(network.mask.node.config.ConfigSchema.MIX_FRAMING_VERSION, 8))
                .hopEngines(HopEngine::sphinx).clock(net).rotationSchedule(net).build();
        d.start();
        return d;
    }

    void startSink() throws Exception {
        // The sink rotates with the network too: the rotation byte travels with the packet to the next hop.
        sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink")).with(network.mask.node.config.ConfigSchema.MIX_FRAMING_VERSION, 8))
                .hopEngines(HopEngine::sphinx).clock(net).rotationSchedule(net)
                .finalHopHandler((f, frame) -> delivered.add(ByteBuffer.wrap(f.surbId()).getLong())).build();
        sink.start();
    }

    /**
     * A v8 (or v7 for UNKNOWN) frame for the route [node, sink], made for {@code key} and the
     * sink's key of the same rotation, as a client builds it from the network's topology.
     */
    byte[] frame(SphinxKey key, KeyRotation rotation, long seq) {
        byte[] sinkKey = sink.keys().sphinxKeys().stream().filter(k -> k.rotationId() == key.rotationId())
                .findFirst().orElse(sink.keys().primary()).publicKey();
        byte[] packet = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR,
                java.util.List.of(new RouteHop(key.publicKey(), new NodeAddress(node.mixAddress()), 0),
                        new RouteHop(sinkKey, new NodeAddress(sink.mixAddress()), 0)),
                new byte[SphinxConstants.DESTINATION_LENGTH], ByteBuffer.allocate(SphinxConstants.SURB_ID_LENGTH).putLong(seq).array(),
                new byte[32]);
        FramingVersion v = rotation == KeyRotation.UNKNOWN ? FramingVersion.V7 : FramingVersion.V8;
        return FrameCodec.frame(v, PacketSize.REGULAR, rotation, packet);
    }

    static KeyRotation parity(long rotationId) {
        return (rotationId & 1) == 0 ? KeyRotation.EVEN : KeyRotation.ODD;
    }

    void send(byte[] frame) throws Exception {
        TestNodes.send(node.mixAddress(), frame).close();
    }

    void atEpoch(long epoch) {
        net.setTime(net.startOf(epoch).plusSeconds(1));
        sink.rotation().runDue();
        node.rotation().runDue();
    }

    boolean awaitCount(LongSupplier counter, long atLeast) throws InterruptedException {
        return TestNodes.await(() -> counter.getAsLong() >= atLeast, Duration.ofSeconds(20));
    }

    long dropped(String reason) {
        return node.metrics().snapshot().dropped(reason);
    }

    @Test
    void packetsFollowTheKeysThroughRotationAndAPurgedKeyIsDropped() throws Exception {
        net.setTime(net.startOf(E0).plusSeconds(1));
        startSink();
        node = startNode();
        SphinxKey k0 = node.keys().primary();
        assertEquals(0, k0.rotationId());

        byte[] a = frame(k0, parity(0), 1);
        send(a);
        assertTrue(TestNodes.await(() -> delivered.contains(1L), Duration.ofSeconds(20)), "key 0 in rotation 0");

        atEpoch(E0 + 2);   // key 1 pre-announced
        SphinxKey k1 = node.keys().secondary();
        assertEquals(1, k1.rotationId());
        send(frame(k1, parity(1), 2));
        assertTrue(TestNodes.await(() -> delivered.contains(2L), Duration.ofSeconds(20)),
                "a client that already uses the pre-announced key is served (odd: the secondary)");

        atEpoch(E0 + 3);   // swapped: key 1 primary, key 0 overlap
        assertEquals(1, node.keys().primary().rotationId());
        send(frame(k0, parity(0), 3));
        assertTrue(TestNodes.await(() -> delivered.contains(3L), Duration.ofSeconds(20)), "the overlap key still works");
        send(a);
        assertTrue(awaitCount(() -> dropped("replayed"), 1), "key 0's filter still knows packet 1");

        atEpoch(E0 + 4);   // key 0 purged
        assertEquals(null, node.keys().secondary());
        send(frame(k0, parity(0), 4));
        assertTrue(awaitCount(() -> dropped("no_key_for_rotation"), 1), "v8 for a purged key: no key for its parity");
        send(frame(k0, KeyRotation.UNKNOWN, 5));
        assertTrue(awaitCount(() -> dropped("bad_mac"), 1), "v7 for a purged key: no key opens it");
        assertFalse(delivered.contains(4L) || delivered.contains(5L));
        node.stop(Duration.ofMillis(100));
        assertFalse(Files.exists(dir.resolve("node/replay/replay-0.bloom")), "the purged key's filter file is gone");
        assertTrue(Files.exists(dir.resolve("node/replay/replay-1.bloom")));
    }

    @Test
    void aReplayAfterARotationAndARestartIsStillDropped() throws Exception {
        net.setTime(net.startOf(E0 + 2).plusSeconds(1));
        startSink();
        node = startNode();
        sink.rotation().runDue();
        node.rotation().runDue();
        SphinxKey k1 = node.keys().secondary();
        assertEquals(1, k1.rotationId(), "pre-announced");
        byte[] b = frame(k1, parity(1), 7);
        send(b);
        assertTrue(TestNodes.await(() -> delivered.contains(7L), Duration.ofSeconds(20)));

        atEpoch(E0 + 3);   // rotation: key 1 is primary now
        node.stop(Duration.ofMillis(100));
        net.setTime(net.startOf(E0 + 3).plusSeconds(30));
        node = startNode();   // reloads keys, filters and journal from disk
        assertEquals(1, node.keys().primary().rotationId());
        send(b);
        assertTrue(awaitCount(() -> dropped("replayed"), 1), "replayed under the rotated key after a restart");
        send(frame(k1, KeyRotation.UNKNOWN, 8));
        assertTrue(TestNodes.await(() -> delivered.contains(8L), Duration.ofSeconds(20)), "fresh packets still pass");
    }

    @Test
    void aFailedSaveAtStopIsCountedAndNotReportedAsSaved() throws Exception {
        net.known(false);
        startSink();
        node = startNode();
        Path file = dir.resolve("node/replay/replay-1.bloom");
        Files.createDirectories(file);   // the save cannot replace it, as on a full disk
        send(frame(node.keys().primary(), KeyRotation.UNKNOWN, 9));
        assertTrue(TestNodes.await(() -> delivered.contains(9L), Duration.ofSeconds(20)));
        node.stop(Duration.ofMillis(100));
        assertFalse(node.replayStateSavedAtStop(), "the stop message must not claim a save");
        assertEquals(1, node.metrics().snapshot().event("replay_state_save_failed"));
        assertTrue(Files.list(file.getParent()).anyMatch(p -> p.getFileName().toString().startsWith("journal-")),
                "the journal since the last good save is kept");
    }
}
