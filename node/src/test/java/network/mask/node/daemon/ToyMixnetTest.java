package network.mask.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three mix daemons and a sink on loopback, real TCP between them, with the toy engine in place
 * of Sphinx: checks routing, delays and counting in the pipeline itself.
 */
class ToyMixnetTest {

    /** Packets may arrive at most this much later than the delays they asked for (a shared, loaded CI machine). */
    static final long LATE_TOLERANCE_NANOS = Duration.ofMillis(1500).toNanos();

    @TempDir Path dir;
    final List<NodeDaemon> daemons = new ArrayList<>();
    final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        daemons.forEach(d -> d.stop(Duration.ofMillis(100)));
    }

    NodeDaemon start(String name, boolean sink) throws Exception {
        var b = NodeDaemon.builder(TestNodes.config(dir.resolve(name))).hopEngines(ToyOnion::engine);
        if (sink) b.finalHopHandler((f, frame) -> arrivals.put(ByteBuffer.wrap(f.surbId()).getLong(), frame.receivedNanos()));
        NodeDaemon d = b.build();
        d.start();
        daemons.add(d);
        return d;
    }

    static byte[] key(NodeDaemon d) {
        return d.keys().primary().privateKeyForEngine();
    }

    static byte[] tag(Random r) {
        byte[] t = new byte[32];
        r.nextBytes(t);
        return t;
    }

    @Test
    void everyPacketCrossesThreeLayersAndIsHeldForItsDelays() throws Exception {
        NodeDaemon m1 = start("m1", false), m2 = start("m2", false), m3 = start("m3", false), sink = start("sink", true);
        Random r = new Random(7);
        int n = 300;
        long[] delaySum = new long[n];
        byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++) {
            long d1 = r.nextInt(200) * 1_000_000L, d2 = r.nextInt(200) * 1_000_000L, d3 = r.nextInt(200) * 1_000_000L;
            delaySum[i] = d1 + d2 + d3;
            byte[] surb = ByteBuffer.allocate(16).putLong(i).array();
            frames[i] = TestNodes.frame(ToyOnion.build(List.of(
                    new ToyOnion.Hop(key(m1), tag(r), m2.mixAddress(), d1, null),
                    new ToyOnion.Hop(key(m2), tag(r), m3.mixAddress(), d2, null),
                    new ToyOnion.Hop(key(m3), tag(r), sink.mixAddress(), d3, null),
                    new ToyOnion.Hop(key(sink), tag(r), null, 0, surb)), new byte[0]));
        }
        long[] sent = new long[n];
        try (Socket s = TestNodes.send(m1.mixAddress())) {
            for (int i = 0; i < n; i++) {
                sent[i] = System.nanoTime();
                s.getOutputStream().write(frames[i]);
                s.getOutputStream().flush();
            }
            assertTrue(TestNodes.await(() -> arrivals.size() == n, Duration.ofSeconds(20)),
                    "only " + arrivals.size() + " of " + n + " packets reached the sink");
        }
        for (int i = 0; i < n; i++) {
            long elapsed = arrivals.get((long) i) - sent[i];
            assertTrue(elapsed >= delaySum[i], "packet " + i + " arrived " + (delaySum[i] - elapsed) / 1e6 + " ms early");
            assertTrue(elapsed <= delaySum[i] + LATE_TOLERANCE_NANOS,
                    "packet " + i + " arrived " + (elapsed - delaySum[i]) / 1e6 + " ms late");
        }
        for (NodeDaemon m : List.of(m1, m2, m3)) {
            // Counted right after the write: the sink may have it a moment before.
            assertTrue(TestNodes.await(() -> m.metrics().snapshot().packetsForwarded() == n, Duration.ofSeconds(5)));
            MetricsSnapshot s = m.metrics().snapshot();
            assertEquals(n, s.packetsReceived());
            assertEquals(n, s.packetsForwarded());
            assertEquals(0, s.packetsDropped(), () -> "drops at a mix: " + s.droppedByReason());
            assertEquals(n, s.delayHistogramMillis().get(Double.POSITIVE_INFINITY));
        }
        assertEquals(n, sink.metrics().snapshot().finalHopPackets());
    }

    @Test
    void shortDelaysOvertakeLongOnes() throws Exception {
        NodeDaemon m1 = start("m1", false), sink = start("sink", true);
        Random r = new Random(3);
        byte[] slow = TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(key(m1), tag(r), sink.mixAddress(), 800_000_000L, null),
                new ToyOnion.Hop(key(sink), tag(r), null, 0, ByteBuffer.allocate(16).putLong(1).array())), new byte[0]));
        byte[] fast = TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(key(m1), tag(r), sink.mixAddress(), 0, null),
                new ToyOnion.Hop(key(sink), tag(r), null, 0, ByteBuffer.allocate(16).putLong(2).array())), new byte[0]));
        try (Socket s = TestNodes.send(m1.mixAddress(), slow, fast)) {
            assertTrue(TestNodes.await(() -> arrivals.size() == 2, Duration.ofSeconds(10)));
        }
        assertTrue(arrivals.get(2L) < arrivals.get(1L), "the packet sent second with no delay arrives first");
    }

    @Test
    void delaysAboveTheMaximumAreShortenedAndCounted() throws Exception {
        NodeDaemon m1 = NodeDaemon.builder(TestNodes.config(dir.resolve("m1"))
                        .with(network.mask.node.config.ConfigSchema.MIX_MAX_DELAY, Duration.ofSeconds(1)))
                .hopEngines(ToyOnion::engine).build();
        m1.start();
        daemons.add(m1);
        NodeDaemon sink = start("sink", true);
        Random r = new Random(5);
        byte[] frame = TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(key(m1), tag(r), sink.mixAddress(), Long.MAX_VALUE, null),
                new ToyOnion.Hop(key(sink), tag(r), null, 0, new byte[16])), new byte[0]));
        long t = System.nanoTime();
        try (Socket s = TestNodes.send(m1.mixAddress(), frame)) {
            assertTrue(TestNodes.await(() -> arrivals.size() == 1, Duration.ofSeconds(10)));
        }
        long held = arrivals.get(0L) - t;
        assertTrue(held >= Duration.ofSeconds(1).toNanos() && held < Duration.ofSeconds(1).toNanos() + LATE_TOLERANCE_NANOS,
                "held " + held / 1e6 + " ms");
        assertEquals(1, m1.metrics().snapshot().event("delay_capped"));
    }

    @Test
    void finalHopsAtAMixnodeAreDroppedAndCounted() throws Exception {
        NodeDaemon m1 = start("m1", false);
        Random r = new Random(9);
        byte[] frame = TestNodes.frame(ToyOnion.build(List.of(new ToyOnion.Hop(key(m1), tag(r), null, 0, new byte[16])), new byte[0]));
        try (Socket s = TestNodes.send(m1.mixAddress(), frame)) {
            assertTrue(TestNodes.await(() -> m1.metrics().snapshot().dropped("final_hop") == 1, Duration.ofSeconds(5)));
        }
        assertEquals(1, m1.metrics().snapshot().finalHopPackets());
    }

    @Test
    void nextHopsInPrivateRangesAreRefusedUnlessAllowed() throws Exception {
        NodeDaemon strict = NodeDaemon.builder(TestNodes.config(dir.resolve("strict"))
                        .with(network.mask.node.config.ConfigSchema.MIX_ALLOW_PRIVATE_NEXT_HOPS, false))
                .hopEngines(ToyOnion::engine).build();
        strict.start();
        daemons.add(strict);
        Random r = new Random(11);
        InetSocketAddress lan = new InetSocketAddress("192.168.1.1", 80);
        byte[] frame = TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(key(strict), tag(r), lan, 0, null)), new byte[0]));
        try (Socket s = TestNodes.send(strict.mixAddress(), frame)) {
            assertTrue(TestNodes.await(() -> strict.metrics().snapshot().dropped("forbidden_next_hop") == 1, Duration.ofSeconds(5)));
        }
        assertEquals(0, strict.metrics().snapshot().outboundConnections());
    }
}
