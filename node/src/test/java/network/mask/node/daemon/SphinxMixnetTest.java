package network.mask.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.testing.TestNodes;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the real Sphinx engine: three mix daemons and a sink on loopback, real TCP,
 * real keys. Every packet must reach the sink with its payload intact, no earlier than the sum
 * of the delays its sender chose and at most {@link ToyMixnetTest#LATE_TOLERANCE_NANOS} later.
 */
class SphinxMixnetTest {

    @TempDir Path dir;
    final List<NodeDaemon> daemons = new ArrayList<>();
    final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
    final AtomicInteger corrupt = new AtomicInteger();

    @AfterEach
    void stop() {
        daemons.forEach(d -> d.stop(Duration.ofMillis(100)));
    }

    NodeDaemon start(String name, boolean sink, int framing) throws Exception {
        var b = NodeDaemon.builder(TestNodes.config(dir.resolve(name))
                .with(network.mask.node.config.ConfigSchema.MIX_FRAMING_VERSION, framing))
                .hopEngines(network.mask.node.worker.HopEngine::sphinx);   // preferred backends: no start-up measurement
        if (sink) {
            b.finalHopHandler((f, frame) -> {
                long seq = ByteBuffer.wrap(f.surbId()).getLong();
                boolean intact = f.plaintext().map(p -> java.util.Arrays.equals(p, message(seq))).orElse(false);
                if (!intact) corrupt.incrementAndGet();
                else arrivals.put(seq, frame.receivedNanos());
            });
        }
        NodeDaemon d = b.build();
        d.start();
        daemons.add(d);
        return d;
    }

    static byte[] message(long seq) {
        return ByteBuffer.allocate(100).putLong(seq).put("mask node end to end".getBytes()).array();
    }

    static RouteHop hop(NodeDaemon d, long delayNanos) {
        return new RouteHop(d.keys().primary().publicKey(), new NodeAddress(d.mixAddress()), delayNanos);
    }

    @Test
    void everyPacketThroughThreeLayersReachesTheSinkIntactAndOnTime() throws Exception {
        for (int framing : new int[] {7, 8}) {
            arrivals.clear();
            daemons.forEach(d -> d.stop(Duration.ofMillis(100)));
            daemons.clear();
            NodeDaemon m1 = start("m1-" + framing, false, framing), m2 = start("m2-" + framing, false, framing),
                    m3 = start("m3-" + framing, false, framing), sink = start("sink-" + framing, true, framing);
            SphinxPacketBuilder builder = new SphinxPacketBuilder();
            Random r = new Random(framing);
            int n = 150;
            byte[][] frames = new byte[n][];
            long[] delays = new long[n];
            FramingVersion version = framing == 8 ? FramingVersion.V8 : FramingVersion.V7;
            KeyRotation rotation = framing == 8 ? m1.keys().primary().rotation() : KeyRotation.UNKNOWN;
            for (int i = 0; i < n; i++) {
                long d1 = r.nextInt(150) * 1_000_000L, d2 = r.nextInt(150) * 1_000_000L, d3 = r.nextInt(150) * 1_000_000L;
                delays[i] = d1 + d2 + d3;
                byte[] packet = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR,
                        List.of(hop(m1, d1), hop(m2, d2), hop(m3, d3), hop(sink, 0)),
                        new byte[32], ByteBuffer.allocate(16).putLong(i).array(), message(i));
                frames[i] = FrameCodec.frame(version, PacketSize.REGULAR, rotation, packet);
            }
            long[] sent = new long[n];
            try (Socket s = TestNodes.send(m1.mixAddress())) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < n; i++) {
                    sent[i] = System.nanoTime();
                    out.write(frames[i]);
                    out.flush();
                }
                out.write(frames[0]);   // a replay
                out.flush();
                assertTrue(TestNodes.await(() -> arrivals.size() == n, Duration.ofSeconds(30)),
                        "v" + framing + ": " + arrivals.size() + " of " + n + " arrived");
                assertTrue(TestNodes.await(() -> m1.metrics().snapshot().replaysRejected() == 1, Duration.ofSeconds(5)));
            }
            assertEquals(0, corrupt.get());
            for (int i = 0; i < n; i++) {
                long elapsed = arrivals.get((long) i) - sent[i];
                assertTrue(elapsed >= delays[i], "packet " + i + " early by " + (delays[i] - elapsed) / 1e6 + " ms");
                assertTrue(elapsed <= delays[i] + ToyMixnetTest.LATE_TOLERANCE_NANOS,
                        "packet " + i + " late by " + (elapsed - delays[i]) / 1e6 + " ms");
            }
            for (NodeDaemon m : List.of(m1, m2, m3)) {
                // Counted right after the write: the sink may have it a moment before.
                assertTrue(TestNodes.await(() -> m.metrics().snapshot().packetsForwarded() == n, Duration.ofSeconds(5)));
                MetricsSnapshot s = m.metrics().snapshot();
                assertEquals(n, s.packetsForwarded());
                assertEquals(m == m1 ? 1 : 0, s.packetsDropped(), () -> s.droppedByReason().toString());
                assertEquals(n + (m == m1 ? 1 : 0), s.event(framing == 8 ? "framing_v8_received" : "framing_v7_received"));
            }
            assertEquals(n, sink.metrics().snapshot().finalHopPackets());
        }
    }

    @Test
    void aPacketForTheSecondaryKeyIsMixedAfterARotation() throws Exception {
        NodeDaemon sink = start("sink", true, 7);
        NodeDaemon before = start("m", false, 7);
        byte[] oldKey = before.keys().primary().publicKey();
        before.stop(Duration.ofMillis(100));
        daemons.remove(before);
        var store = new network.mask.node.keys.KeyStore(dir.resolve("m"), new java.security.SecureRandom());
        store.rotate(store.load());
        NodeDaemon after = start("m", false, 7);
        assertEquals(2, after.keys().primary().rotationId());
        assertArrayEquals(oldKey, after.keys().secondary().publicKey());
        byte[] packet = new SphinxPacketBuilder().build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR,
                List.of(new RouteHop(oldKey, new NodeAddress(after.mixAddress()), 0), hop(sink, 0)),
                new byte[32], ByteBuffer.allocate(16).putLong(7).array(), message(7));
        try (Socket s = TestNodes.send(after.mixAddress(), FrameCodec.frame(FramingVersion.V7, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet))) {
            assertTrue(TestNodes.await(() -> arrivals.containsKey(7L), Duration.ofSeconds(10)));
        }
        assertEquals(1, after.metrics().snapshot().event("secondary_key_used"));
    }
}
