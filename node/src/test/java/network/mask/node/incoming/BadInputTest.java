package network.mask.node.incoming;

import static network.mask.node.config.ConfigSchema.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken peers on real sockets: each one ends in a closed connection or a counted
 * drop, the node keeps running, and a well-behaved peer (from another loopback address) still
 * gets its packets through.
 */
class BadInputTest {

    static final Duration FRAME_TIMEOUT = Duration.ofMillis(300);

    @TempDir Path dir;
    NodeDaemon mix;
    NodeDaemon sink;
    final AtomicInteger delivered = new AtomicInteger();
    final Random random = new Random(42);

    @BeforeEach
    void start() throws Exception {
        sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink"))).hopEngines(ToyOnion::engine)
                .finalHopHandler((f, frame) -> delivered.incrementAndGet()).build();
        sink.start();
        mix = NodeDaemon.builder(TestNodes.config(dir.resolve("mix"))
                        .with(LIMIT_FRAME_TIMEOUT, FRAME_TIMEOUT)
                        .with(LIMIT_IDLE_TIMEOUT, Duration.ofSeconds(1))
                        .with(LIMIT_MAX_FRAME_BYTES, 2417)
                        .with(LIMIT_MAX_CONNECTIONS_PER_IP, 4))
                .hopEngines(ToyOnion::engine).build();
        mix.start();
    }

    @AfterEach
    void stop() {
        mix.stop(Duration.ofMillis(100));
        sink.stop(Duration.ofMillis(100));
    }

    byte[] tag() {
        byte[] t = new byte[32];
        random.nextBytes(t);
        return t;
    }

    byte[] validFrame() {
        return TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(mix.keys().primary().privateKeyForEngine(), tag(), sink.mixAddress(), 0, null),
                new ToyOnion.Hop(sink.keys().primary().privateKeyForEngine(), tag(), null, 0, new byte[16])), new byte[0]));
    }

    /** A good peer on 127.0.0.2 sends packets through the mix; they must all reach the sink. */
    void goodPeerStillServed() throws Exception {
        int before = delivered.get();
        try (Socket s = new Socket(mix.mixAddress().getAddress(), mix.mixAddress().getPort(), InetAddress.getByName("127.0.0.2"), 0)) {
            for (int i = 0; i < 20; i++) s.getOutputStream().write(validFrame());
            s.getOutputStream().flush();
            assertTrue(TestNodes.await(() -> delivered.get() == before + 20, Duration.ofSeconds(10)),
                    "good peer got " + (delivered.get() - before) + " of 20 through");
        }
        assertTrue(mix.healthy());
    }

    Socket abuser() throws IOException {
        Socket s = new Socket(mix.mixAddress().getAddress(), mix.mixAddress().getPort());
        s.setSoTimeout(5000);
        return s;
    }

    /** Whether the server closed (or reset) the connection within {@code timeout}. */
    static boolean closedByServer(Socket s, Duration timeout) throws IOException {
        s.setSoTimeout((int) timeout.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (true) if (in.read() < 0) return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;   // reset
        }
    }

    MetricsSnapshot metrics() {
        return mix.metrics().snapshot();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void randomBytesCloseTheConnection() throws Exception {
        byte[] junk = new byte[1000];
        random.nextBytes(junk);
        junk[0] = 0x42;   // not a framing version
        try (Socket s = abuser()) {
            s.getOutputStream().write(junk);
            assertTrue(closedByServer(s, Duration.ofSeconds(5)));
        }
        assertEquals(1, metrics().dropped("malformed_frame"));
        assertEquals(1, metrics().event("inbound_closed_bad_frame"));
        goodPeerStillServed();
    }

    @Test
    void unknownSizeTagPacketTypeOrRotationCloseTheConnection() throws Exception {
        byte[][] headers = {{7, 9, 0}, {7, 1, 5}, {8, 1, 0, 7}, {6, 1, 0}, {9, 1, 0}};
        for (byte[] h : headers) {
            try (Socket s = abuser()) {
                s.getOutputStream().write(concat(h, new byte[2413]));
                assertTrue(closedByServer(s, Duration.ofSeconds(5)), "header " + Arrays.toString(h));
            }
        }
        assertTrue(TestNodes.await(() -> metrics().dropped("malformed_frame") == headers.length, Duration.ofSeconds(5)));
        assertEquals(0, metrics().packetsReceived());
        goodPeerStillServed();
    }

    @Test
    void framesAboveTheCapCloseTheConnection() throws Exception {
        byte[] header = new byte[3];
        FrameCodec.encode(FramingVersion.V7, PacketSize.EXTENDED32, KeyRotation.UNKNOWN, header, 0);
        try (Socket s = abuser()) {
            s.getOutputStream().write(concat(header, new byte[4096]));
            assertTrue(closedByServer(s, Duration.ofSeconds(5)));
        }
        assertEquals(1, metrics().dropped("frame_too_large"));
        goodPeerStillServed();
    }

    @Test
    void aSizeTagThatDoesNotMatchThePacketCostsOnePacketAndTheConnection() throws Exception {
        byte[] packet = new byte[2413];            // all-zero key: not this node's
        packet[386] = 0x55;                        // where the next "frame" would start
        try (Socket s = abuser()) {
            s.getOutputStream().write(concat(new byte[] {7, (byte) PacketSize.ACK.tag(), 0}, packet));
            assertTrue(closedByServer(s, Duration.ofSeconds(5)));
        }
        assertTrue(TestNodes.await(() -> metrics().dropped("bad_mac") == 1, Duration.ofSeconds(5)));
        assertEquals(1, metrics().dropped("malformed_frame"));
        goodPeerStillServed();
    }

    @Test
    void aPeerClosingMidFrameIsCounted() throws Exception {
        byte[] frame = validFrame();
        try (Socket s = abuser()) {
            s.getOutputStream().write(Arrays.copyOf(frame, 1000));
            s.getOutputStream().flush();
            Thread.sleep(50);
        }
        assertTrue(TestNodes.await(() -> metrics().dropped("truncated_frame") == 1, Duration.ofSeconds(5)));
        goodPeerStillServed();
    }

    @Test
    void slowLorisPeersAreCutOffAfterTheFrameTimeout() throws Exception {
        byte[] frame = validFrame();
        try (Socket s = abuser()) {
            OutputStream out = s.getOutputStream();
            long start = System.nanoTime();
            boolean closed = false;
            try {
                for (int i = 0; i < 40 && !closed; i++) {   // one byte per 100 ms: a frame would take 4 minutes
                    out.write(frame[i]);
                    out.flush();
                    Thread.sleep(100);
                    closed = metrics().event("inbound_closed_frame_timeout") == 1;
                }
            } catch (IOException e) {
                closed = true;
            }
            assertTrue(closed || closedByServer(s, Duration.ofSeconds(2)), "connection still open");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
        }
        assertEquals(1, metrics().dropped("truncated_frame"));
        assertEquals(1, metrics().event("inbound_closed_frame_timeout"));
        goodPeerStillServed();
    }

    @Test
    void silentConnectionsAreClosedWhenIdle() throws Exception {
        try (Socket s = abuser()) {
            assertTrue(closedByServer(s, Duration.ofSeconds(5)));
        }
        assertEquals(1, metrics().event("inbound_closed_idle"));
        goodPeerStillServed();
    }

    @Test
    void connectionsBeyondThePerAddressLimitAreRefused() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = abuser();
                s.getOutputStream().write(validFrame());   // these four are served
                held.add(s);
            }
            assertTrue(TestNodes.await(() -> metrics().inboundConnections() == 4, Duration.ofSeconds(5)));
            assertTrue(TestNodes.await(() -> delivered.get() == 4, Duration.ofSeconds(5)));
            try (Socket fifth = abuser()) {
                assertTrue(closedByServer(fifth, Duration.ofSeconds(5)));
            }
            assertEquals(1, metrics().event("inbound_rejected_per_ip_limit"));
            goodPeerStillServed();   // another address is not affected by this one's limit
        } finally {
            for (Socket s : held) s.close();
        }
        assertTrue(TestNodes.await(() -> metrics().inboundConnections() == 0, Duration.ofSeconds(5)));
    }

    @Test
    void badPacketsInGoodFramesAreCountedByReasonAndTheConnectionLives() throws Exception {
        byte[] mixKey = mix.keys().primary().privateKeyForEngine();
        byte[] wrongKey = TestNodes.frame(ToyOnion.build(List.of(new ToyOnion.Hop(new byte[32], tag(), null, 0, null)), new byte[0]));
        byte[] badFlagPacket = ToyOnion.build(List.of(new ToyOnion.Hop(mixKey, tag(), null, 0, null)), new byte[0]);
        badFlagPacket[64] = 9;
        byte[] replayed = validFrame();
        byte[] outfox = new byte[3 + 2413];
        outfox[0] = 7;
        outfox[1] = 1;
        outfox[2] = 2;
        int before = delivered.get();
        try (Socket s = abuser()) {
            OutputStream out = s.getOutputStream();
            out.write(wrongKey);
            out.write(TestNodes.frame(badFlagPacket));
            out.write(outfox);
            out.write(replayed);
            out.write(replayed);
            out.write(validFrame());
            out.flush();
            assertTrue(TestNodes.await(() -> delivered.get() == before + 2, Duration.ofSeconds(5)));
            assertTrue(TestNodes.await(() -> metrics().dropped("replayed") == 1, Duration.ofSeconds(5)));
            assertTrue(s.isConnected() && !closedByServer(s, Duration.ofMillis(200)));
        }
        MetricsSnapshot m = metrics();
        assertEquals(1, m.dropped("bad_mac"));
        assertEquals(1, m.dropped("unknown_flag"));
        assertEquals(1, m.dropped("outfox_malformed"));   // packet type 2, all zeros: no layer to open
        assertEquals(1, m.replaysRejected());
        assertEquals(6, m.packetsReceived());
        assertEquals(4, m.packetsDropped());
    }

    @Test
    void manyBrokenPeersAtOnceLeaveTheNodeServing() throws Exception {
        List<Thread> attackers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            long seed = t;
            attackers.add(Thread.ofPlatform().start(() -> {
                Random r = new Random(seed);
                for (int i = 0; i < 10; i++) {
                    try (Socket s = abuser()) {
                        byte[] junk = new byte[r.nextInt(5000) + 1];
                        r.nextBytes(junk);
                        s.getOutputStream().write(junk);
                        closedByServer(s, Duration.ofMillis(300));
                    } catch (IOException ignored) {
                        // refused or reset: fine
                    }
                }
            }));
        }
        goodPeerStillServed();
        for (Thread t : attackers) t.join();
        goodPeerStillServed();
    }
}
