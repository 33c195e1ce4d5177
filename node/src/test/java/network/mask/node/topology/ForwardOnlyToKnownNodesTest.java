package network.mask.node.topology;

import static org.junit.jupiter.api.Assertions.*;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.outgoing.Backoff;
import network.mask.node.outgoing.EgressRouter;
import network.mask.node.outgoing.EgressSettings;
import network.mask.node.outgoing.NextHopPolicy;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.testing.TestNodes;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The egress router with the routing filter, over real TCP: an unknown next hop gets nothing until it is known. */
class ForwardOnlyToKnownNodesTest {

    final NettyTransport transport = NettyTransport.create(1, "test-io", true);
    final MixMetrics metrics = new MixMetrics();

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void packetsToAnUnknownNextHopAreDroppedAndCountedUntilTheLookupSaysItIsANode() throws Exception {
        KnownNodes known = new KnownNodes();
        // The address policy allows loopback (the peer below); the topology filter is strict, as on the internet.
        EgressRouter router = new EgressRouter(transport, new EgressSettings(FramingVersion.V7, 100, 16, Duration.ofMillis(500),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(300)), Duration.ofMinutes(1), new NextHopPolicy(true)),
                metrics, new RoutingFilter(known, false));
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            NodeAddress hop = new NodeAddress(TestNodes.loopback(peer.getLocalPort()));
            for (int i = 0; i < 5; i++) router.send(hop, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet(i));
            assertEquals(5, metrics.snapshot().dropped("unknown_next_hop"));
            assertEquals(List.of(InetAddress.getLoopbackAddress()), known.takePending(10));

            known.resolved(Map.of(InetAddress.getLoopbackAddress(), true));   // by-addresses: it is a node
            router.send(hop, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet(42));
            peer.setSoTimeout(5000);
            try (Socket s = peer.accept()) {
                s.setSoTimeout(5000);
                byte[] frame = new byte[3 + PacketSize.REGULAR.packetLength()];
                new DataInputStream(s.getInputStream()).readFully(frame);
                assertEquals(42, ByteBuffer.wrap(frame, 3, 4).getInt());
            }
            assertEquals(5, metrics.snapshot().dropped("unknown_next_hop"));
        }
        router.shutdown(System.nanoTime());
    }

    static byte[] packet(int seq) {
        byte[] p = new byte[PacketSize.REGULAR.packetLength()];
        ByteBuffer.wrap(p).putInt(seq);
        return p;
    }
}
