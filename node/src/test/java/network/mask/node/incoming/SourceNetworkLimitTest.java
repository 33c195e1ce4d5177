package network.mask.node.incoming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.net.SourceNetwork;
import network.mask.node.testing.TestNodes;
import network.mask.node.worker.IngressQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redteam D7 over real TCP on loopback: many addresses of one source network cannot take every
 * mix connection slot; the refusals are counted, and a peer from another network still connects.
 */
class SourceNetworkLimitTest {

    final NettyTransport transport = NettyTransport.create(1, "test-io", true);
    final MixMetrics metrics = new MixMetrics();
    MixListener listener;

    @AfterEach
    void close() {
        if (listener != null) listener.stopAccepting();
        transport.close();
    }

    InetSocketAddress listen(String host, int perAddress, int perNetwork) throws Exception {
        listener = new MixListener(transport, new ListenerSettings(host, 0, 1024, perAddress, Duration.ofMinutes(5),
                Duration.ofSeconds(10), 33137, perNetwork, new SourceNetwork(24, 64)), new IngressQueue(64), metrics);
        return listener.bind();
    }

    @Test
    void oneIpv4Slash24GetsItsShareAndAnotherNetworkStillConnects() throws Exception {
        InetSocketAddress mix = listen("127.0.0.1", 4, 8);
        List<Socket> open = new ArrayList<>();
        try {
            int kept = 0;
            // 40 connections from 20 addresses of 127.0.1.0/24, two each (within the per-address limit).
            for (int a = 1; a <= 20; a++) {
                for (int c = 0; c < 2; c++) {
                    Socket s = connectFrom("127.0.1." + a, mix);
                    open.add(s);
                    if (stillOpen(s)) kept++;
                }
            }
            assertEquals(8, kept, "connections kept from one /24");
            assertEquals(32, metrics.snapshot().event("inbound_rejected_per_network_limit"));
            Socket other = connectFrom("127.0.2.1", mix);
            open.add(other);
            assertTrue(stillOpen(other), "a peer from another /24 is refused");
        } finally {
            for (Socket s : open) s.close();
        }
    }

    @Test
    void ipv6IsLimitedPerSlash64() throws Exception {
        InetSocketAddress mix;
        try {
            mix = listen("::1", 100, 3);
        } catch (Exception noIpv6) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback on this machine");
            return;
        }
        List<Socket> open = new ArrayList<>();
        try {
            int kept = 0;
            for (int i = 0; i < 10; i++) {
                Socket s = connectFrom("::1", mix);
                open.add(s);
                if (stillOpen(s)) kept++;
            }
            assertEquals(3, kept);
            assertEquals(7, metrics.snapshot().event("inbound_rejected_per_network_limit"));
        } finally {
            for (Socket s : open) s.close();
        }
        // Only ::1 exists on loopback: which addresses share a /64 is checked on the keys themselves.
        SourceNetwork n = new SourceNetwork(24, 64);
        assertEquals(n.of(InetAddress.getByName("2001:db8:1:2::a")), n.of(InetAddress.getByName("2001:db8:1:2:ffff::b")));
        assertNotEquals(n.of(InetAddress.getByName("2001:db8:1:2::a")), n.of(InetAddress.getByName("2001:db8:1:3::a")));
        assertEquals(n.of(InetAddress.getByName("10.1.2.3")), n.of(ipv4Mapped("10.1.2.200")));
        assertNotEquals(n.of(InetAddress.getByName("10.1.2.3")), n.of(InetAddress.getByName("10.1.3.3")));
    }

    static InetAddress ipv4Mapped(String v4) throws IOException {
        byte[] b = new byte[16];
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFF;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, b, 12, 4);
        return java.net.Inet6Address.getByAddress(null, b, -1);
    }

    static Socket connectFrom(String source, InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        s.connect(to, 2000);
        return s;
    }

    /** Whether the listener kept {@code s}: a refused one is closed at once. */
    static boolean stillOpen(Socket s) throws IOException {
        s.setSoTimeout(300);
        try {
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
