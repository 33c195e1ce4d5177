package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.Base58;
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

/**
 * Test traffic through a node under test, as a Nym client would send it: real Sphinx packets for
 * the route [node, sink], framed as v7 and written to the node's mix port over TCP. The sink is an
 * in-process daemon that plays the gateway and checks that every payload arrives intact.
 */
final class SphinxTraffic implements AutoCloseable {

    /** The hop delay the sender asks of the node. */
    static final long HOP_DELAY_NANOS = 20_000_000;

    private final NodeDaemon sink;
    private final byte[] nodeKey;
    private volatile InetSocketAddress node;
    private final SphinxPacketBuilder builder = new SphinxPacketBuilder();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger intact = new AtomicInteger();
    private final AtomicInteger corrupt = new AtomicInteger();
    private volatile boolean steady;
    private Thread sender;

    private SphinxTraffic(Path sinkDir, byte[] nodeKey, InetSocketAddress node) throws Exception {
        this.nodeKey = nodeKey;
        this.node = node;
        this.sink = NodeDaemon.builder(TestNodes.config(sinkDir))
                .hopEngines(HopEngine::sphinx)   // preferred backends: no start-up measurement
                .finalHopHandler((packet, frame) -> {
                    long seq = ByteBuffer.wrap(packet.surbId()).getLong();
                    boolean ok = packet.plaintext().map(p -> Arrays.equals(p, message(seq))).orElse(false);
                    (ok ? intact : corrupt).incrementAndGet();
                })
                .build();
        sink.start();
    }

    /** A sink on loopback and a sender for {@code node}, using the Sphinx key its public API announces. */
    static SphinxTraffic towards(DevNodeProcess node, Path sinkDir) throws Exception {
        byte[] key = Base58.decode(node.publishedKeys().getString("x25519_sphinx"));
        assertEquals(32, key.length, "x25519_sphinx is an X25519 public key");
        return new SphinxTraffic(sinkDir, key, node.mixAddress());
    }

    /** Sends {@code count} packets now, on one connection. */
    void send(int count) throws IOException {
        try (Socket s = TestNodes.send(node)) {
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < count; i++) out.write(nextFrame());
            out.flush();
        }
    }

    /** Keeps sending about {@code perSecond} packets a second on a background thread until {@link #close()}. */
    void startSteady(int perSecond) {
        steady = true;
        long intervalNanos = 1_000_000_000L / perSecond;
        sender = Thread.ofPlatform().daemon().name("test-traffic").start(() -> {
            try (Socket s = TestNodes.send(node)) {
                OutputStream out = s.getOutputStream();
                long next = System.nanoTime();
                while (steady) {
                    out.write(nextFrame());
                    out.flush();
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
                }
            } catch (IOException | InterruptedException e) {
                steady = false;   // the node went away or the test is ending
            }
        });
    }

    /** Sends to {@code restarted} from now on: the same node (same keys) started again on new ports. */
    void retarget(DevNodeProcess restarted) {
        this.node = restarted.mixAddress();
    }

    /** {@code count} new frames, kept by the caller so that the very same packets can be sent again (replays). */
    List<byte[]> frames(int count) {
        List<byte[]> out = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(nextFrame());
        return out;
    }

    /** Sends the given frames on one connection, about {@code perSecond} a second, until done or {@code stop}. */
    int sendPaced(List<byte[]> frames, int perSecond, java.util.function.BooleanSupplier stop) throws IOException, InterruptedException {
        long intervalNanos = 1_000_000_000L / perSecond;
        int n = 0;
        try (Socket s = TestNodes.send(node)) {
            OutputStream out = s.getOutputStream();
            long next = System.nanoTime();
            for (byte[] f : frames) {
                if (stop.getAsBoolean()) break;
                out.write(f);
                out.flush();
                n++;
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
            }
        }
        return n;
    }

    /** Sends the given frames now, on one connection. */
    void sendAll(List<byte[]> frames) throws IOException {
        try (Socket s = TestNodes.send(node)) {
            OutputStream out = s.getOutputStream();
            for (byte[] f : frames) out.write(f);
            out.flush();
        }
    }

    boolean sending() {
        return steady;
    }

    int sent() { return sent.get(); }

    /** Packets that reached the sink with exactly the payload the sender put in. */
    int delivered() { return intact.get(); }

    int corrupt() { return corrupt.get(); }

    boolean awaitDelivered(int count, Duration timeout) throws InterruptedException {
        return TestNodes.await(() -> intact.get() >= count, timeout);
    }

    private synchronized byte[] nextFrame() {
        long seq = sent.getAndIncrement();
        byte[] packet = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR,
                List.of(new RouteHop(nodeKey, new NodeAddress(node), HOP_DELAY_NANOS),
                        new RouteHop(sink.keys().primary().publicKey(), new NodeAddress(sink.mixAddress()), 0)),
                new byte[SphinxConstants.DESTINATION_LENGTH], ByteBuffer.allocate(SphinxConstants.SURB_ID_LENGTH).putLong(seq).array(),
                message(seq));
        return FrameCodec.frame(FramingVersion.V7, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet);
    }

    private static byte[] message(long seq) {
        return ByteBuffer.allocate(64).putLong(seq).put("mask node acceptance".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).array();
    }

    @Override
    public void close() throws InterruptedException {
        steady = false;
        if (sender != null) sender.join(5_000);
        sink.stop(Duration.ofMillis(200));
    }
}
