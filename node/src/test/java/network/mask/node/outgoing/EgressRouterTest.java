package network.mask.node.outgoing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.testing.TestNodes;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Next-hop links over real TCP: reconnects, bounded queues, framing. */
class EgressRouterTest {

    final NettyTransport transport = NettyTransport.create(1, "test-io", true);
    final MixMetrics metrics = new MixMetrics();

    @AfterEach
    void close() {
        transport.close();
    }

    EgressRouter router(int queuePerPeer, FramingVersion framing) {
        return new EgressRouter(transport, new EgressSettings(framing, queuePerPeer, 16, Duration.ofMillis(500),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(300)), Duration.ofMinutes(1),
                new NextHopPolicy(true)), metrics);
    }

    static byte[] packet(int seq) {
        byte[] p = new byte[PacketSize.REGULAR.packetLength()];
        ByteBuffer.wrap(p).putInt(seq);
        return p;
    }

    /** Reads {@code n} v7 frames and returns the sequence numbers in them. */
    static List<Integer> readFrames(Socket s, int n) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        List<Integer> seqs = new ArrayList<>();
        byte[] frame = new byte[3 + PacketSize.REGULAR.packetLength()];
        for (int i = 0; i < n; i++) {
            in.readFully(frame);
            assertEquals(7, frame[0]);
            assertEquals(PacketSize.REGULAR.tag(), frame[1]);
            assertEquals(0, frame[2]);
            seqs.add(ByteBuffer.wrap(frame, 3, 4).getInt());
        }
        return seqs;
    }

    @Test
    void aNextHopThatIsDownGetsTheNewestPacketsAfterItComesBack() throws Exception {
        int port = TestNodes.freePortBelowEphemeralRange();
        NodeAddress hop = new NodeAddress(TestNodes.loopback(port));
        EgressRouter router = router(20, FramingVersion.V7);
        for (int i = 0; i < 50; i++) router.send(hop, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet(i));
        // Memory stays bounded while the peer is away: 20 held, the 30 oldest dropped and counted.
        assertTrue(TestNodes.await(() -> metrics.eventCount(network.mask.node.metrics.Event.OUTBOUND_CONNECT_FAILED) >= 2,
                Duration.ofSeconds(5)), "no reconnect attempts");
        assertEquals(20, router.queued());
        assertEquals(30, metrics.snapshot().dropped("egress_queue_full"));

        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(5000);
                List<Integer> got = readFrames(peer, 20);
                List<Integer> expected = new ArrayList<>();
                for (int i = 30; i < 50; i++) expected.add(i);
                assertEquals(expected, got);
            }
        }
        assertEquals(0, router.queued());
        // Counted just after the write, so possibly a moment after the peer has read the bytes.
        assertTrue(TestNodes.await(() -> metrics.snapshot().packetsForwarded() == 20, Duration.ofSeconds(5)));
        router.shutdown(System.nanoTime());
    }

    @Test
    void aPeerThatDropsTheConnectionIsReconnectedLazily() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            NodeAddress hop = new NodeAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            EgressRouter router = router(100, FramingVersion.V8);
            router.send(hop, PacketSize.REGULAR, KeyRotation.EVEN, packet(1));
            try (Socket first = server.accept()) {
                byte[] frame = new byte[4 + PacketSize.REGULAR.packetLength()];
                new DataInputStream(first.getInputStream()).readFully(frame);
                assertEquals(8, frame[0]);
                assertEquals(KeyRotation.EVEN.wireValue(), frame[3]);   // the rotation is copied through
            }
            assertTrue(TestNodes.await(() -> router.connectedPeers() == 0, Duration.ofSeconds(5)));
            router.send(hop, PacketSize.REGULAR, KeyRotation.EVEN, packet(2));
            try (Socket second = server.accept()) {
                byte[] frame = new byte[4 + PacketSize.REGULAR.packetLength()];
                new DataInputStream(second.getInputStream()).readFully(frame);
                assertEquals(2, ByteBuffer.wrap(frame, 4, 4).getInt());
            }
            router.shutdown(System.nanoTime());
        }
    }

    @Test
    void shutdownCountsWhatCouldNotBeSent() throws Exception {
        NodeAddress nowhere = new NodeAddress(TestNodes.loopback(TestNodes.freePortBelowEphemeralRange()));
        EgressRouter router = router(100, FramingVersion.V7);
        for (int i = 0; i < 7; i++) router.send(nowhere, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet(i));
        int left = router.shutdown(System.nanoTime() + Duration.ofMillis(200).toNanos());
        assertEquals(7, left);
        assertEquals(7, metrics.snapshot().dropped("shutdown"));
        router.send(nowhere, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet(8));
        assertEquals(8, metrics.snapshot().dropped("shutdown"));
    }

    @Test
    void policyRefusesUnroutableAndPrivateNextHops() {
        NextHopPolicy strict = new NextHopPolicy(false);
        assertFalse(strict.allows(new InetSocketAddress("127.0.0.1", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("192.168.0.10", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("10.1.2.3", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("169.254.1.1", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("fd00::1", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("0.0.0.0", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("224.0.0.1", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("8.8.8.8", 0)));
        assertTrue(strict.allows(new InetSocketAddress("8.8.8.8", 1789)));
        assertFalse(strict.allows(new InetSocketAddress("2001:db8::1", 1789)));   // documentation range
        assertTrue(strict.allows(new InetSocketAddress("2a01:4f8::1", 1789)));
        NextHopPolicy local = new NextHopPolicy(true);
        assertTrue(local.allows(new InetSocketAddress("127.0.0.1", 1789)));
        assertFalse(local.allows(new InetSocketAddress("0.0.0.0", 1789)));
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        java.util.Random r = new java.util.Random(1);
        for (int failures = 1; failures < 70; failures++) {
            long expectedFull = Math.min(1_000_000_000L, 100_000_000L << Math.min(failures - 1, 20));
            long d = b.delayNanos(failures, r);
            assertTrue(d >= expectedFull / 2 && d <= expectedFull, failures + ": " + d);
        }
    }
}
