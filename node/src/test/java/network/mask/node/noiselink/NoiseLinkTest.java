package network.mask.node.noiselink;

import static network.mask.node.config.ConfigSchema.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.Base58;
import network.mask.node.noise.BlockingNoiseLink;
import network.mask.node.noise.GcmSource;
import network.mask.node.noise.NoiseException;
import network.mask.node.noise.NoiseFrameHeader;
import network.mask.node.noise.NoiseHandshake;
import network.mask.node.noise.NoiseKeyPair;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Noise links between real nodes over loopback TCP: a sender speaking Noise to a mix node, which
 * forwards over Noise to a sink node, each side choosing Noise or plain TCP from its topology view;
 * broken peers (wrong key or PSK, truncated, oversized, replayed frames) lose only their own link.
 */
class NoiseLinkTest {

    private static final Duration HANDSHAKE = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path dir;
    NodeDaemon mix;
    NodeDaemon sink;
    final AtomicInteger delivered = new AtomicInteger();
    final Random random = new Random(7);
    final SecureRandom secure = new SecureRandom();
    final NoiseKeyPair senderKey = NoiseKeyPair.generate(secure);

    @BeforeEach
    void start() throws Exception {
        sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink")).with(NOISE_HANDSHAKE_TIMEOUT, HANDSHAKE))
                .hopEngines(ToyOnion::engine).finalHopHandler((f, frame) -> delivered.incrementAndGet()).build();
        sink.start();
        mix = NodeDaemon.builder(TestNodes.config(dir.resolve("mix")).with(NOISE_HANDSHAKE_TIMEOUT, HANDSHAKE))
                .hopEngines(ToyOnion::engine).build();
        mix.start();
    }

    @AfterEach
    void stop() {
        mix.stop(Duration.ofMillis(100));
        sink.stop(Duration.ofMillis(100));
    }

    static VersionedNoiseKey key(NodeDaemon node) {
        return new VersionedNoiseKey(1, Base58.decode(node.noiseKeyBase58().orElseThrow()));
    }

    /** Both nodes announce their keys to each other, as a topology from nym-api would. */
    void announceBoth() {
        Map<InetSocketAddress, VersionedNoiseKey> view = Map.of(mix.mixAddress(), key(mix), sink.mixAddress(), key(sink));
        mix.noisePeers().replace(view);
        sink.noisePeers().replace(view);
    }

    long event(NodeDaemon node, String name) {
        return node.metrics().snapshot().events().getOrDefault(name, 0L);
    }

    byte[] frame() {
        byte[] tag1 = new byte[32], tag2 = new byte[32];
        random.nextBytes(tag1);
        random.nextBytes(tag2);
        return TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(mix.keys().primary().privateKeyForEngine(), tag1, sink.mixAddress(), 0, null),
                new ToyOnion.Hop(sink.keys().primary().privateKeyForEngine(), tag2, null, 0, new byte[16])), new byte[0]));
    }

    SocketChannel connect(String from) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        ch.connect(mix.mixAddress());
        return ch;
    }

    BlockingNoiseLink noiseSender() throws Exception {
        return BlockingNoiseLink.initiate(connect("127.0.0.1"), senderKey, key(mix).x25519PublicKey(), WAIT, secure);
    }

    /** Sends {@code n} packets over a fresh Noise link and checks they all reach the sink. */
    void goodNoisePeerServed(int n) throws Exception {
        int before = delivered.get();
        BlockingNoiseLink link = noiseSender();
        try (SocketChannel ch = link.channel()) {
            ByteBuffer all = ByteBuffer.allocate(n * frame().length);
            for (int i = 0; i < n; i++) all.put(frame());
            link.write(all.flip());
            assertTrue(TestNodes.await(() -> delivered.get() == before + n, WAIT), "delivered " + (delivered.get() - before) + " of " + n);
        }
        assertTrue(mix.healthy());
    }

    static boolean closedByPeer(SocketChannel ch, Duration timeout) throws IOException {
        ch.socket().setSoTimeout((int) timeout.toMillis());
        InputStream in = ch.socket().getInputStream();
        try {
            while (true) if (in.read() < 0) return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void packetsCrossTwoNoiseLinks() throws Exception {
        announceBoth();
        goodNoisePeerServed(50);
        assertEquals(1, event(mix, "noise_handshakes_inbound"));
        assertEquals(1, event(mix, "noise_handshakes_outbound"), "the mix reached the sink over Noise");
        assertEquals(1, event(sink, "noise_handshakes_inbound"));
        assertEquals(0, event(mix, "noise_plain_outbound") + event(sink, "noise_plain_inbound"));
    }

    @Test
    void bigAndTinyNoiseMessagesBothCarryTheFrameStream() throws Exception {
        announceBoth();
        // 40 frames (about 97 KB) in one write: Noise messages of 65519 bytes that cut frames apart.
        goodNoisePeerServed(40);
        int before = delivered.get();
        BlockingNoiseLink link = noiseSender();
        try (SocketChannel ch = link.channel()) {
            byte[] f = frame();
            for (int at = 0; at < f.length; at += 600) link.write(ByteBuffer.wrap(f, at, Math.min(600, f.length - at)));
            assertTrue(TestNodes.await(() -> delivered.get() == before + 1, WAIT), "one packet sent as five Noise messages");
        }
    }

    @Test
    void wrongResponderKeyFailsTheHandshakeAndOnlyThatLink() throws Exception {
        announceBoth();
        byte[] notTheMixKey = NoiseKeyPair.generate(secure).publicKey();
        SocketChannel ch = connect("127.0.0.1");
        NoiseException e = assertThrows(NoiseException.class,
                () -> BlockingNoiseLink.initiate(ch, senderKey, notTheMixKey, WAIT, secure).channel());
        ch.close();
        assertTrue(e.getMessage().contains("closed") || e.kind() == NoiseException.Kind.HANDSHAKE_FAILED, e.toString());
        assertTrue(TestNodes.await(() -> event(mix, "noise_handshake_failed") == 1, WAIT));
        goodNoisePeerServed(5);
    }

    @Test
    void wrongPskFailsTheHandshakeAtItsLastMessage() throws Exception {
        announceBoth();
        byte[] wrongPsk = new byte[32];
        secure.nextBytes(wrongPsk);
        SocketChannel ch = connect("127.0.0.1");
        NoiseHandshake hs = NoiseHandshake.initiator(senderKey, NoiseKeyPair.generate(secure), key(mix).x25519PublicKey(),
                wrongPsk, new byte[0], GcmSource.PREFERRED);
        BlockingNoiseLink link = BlockingNoiseLink.handshake(ch, hs, WAIT);   // our side cannot tell: the PSK enters in message 3
        assertTrue(closedByPeer(link.channel(), WAIT), "the mix closes the link after message 3");
        ch.close();
        assertEquals(1, event(mix, "noise_handshake_failed"));
        goodNoisePeerServed(5);
    }

    @Test
    void replayedDataFrameClosesOnlyThatLink() throws Exception {
        announceBoth();
        int before = delivered.get();
        BlockingNoiseLink link = noiseSender();
        try (SocketChannel ch = link.channel()) {
            byte[] sealed = link.sealFrame(frame());
            ch.write(ByteBuffer.wrap(sealed));
            assertTrue(TestNodes.await(() -> delivered.get() == before + 1, WAIT));
            ch.write(ByteBuffer.wrap(sealed));   // the same bytes again: the receive counter has moved on
            assertTrue(closedByPeer(ch, WAIT));
        }
        assertEquals(before + 1, delivered.get());
        assertEquals(1, event(mix, "noise_link_closed_bad_frame"));
        goodNoisePeerServed(5);
    }

    @Test
    void truncatedDataFrameClosesOnlyThatLink() throws Exception {
        announceBoth();
        BlockingNoiseLink link = noiseSender();
        try (SocketChannel ch = link.channel()) {
            byte[] sealed = link.sealFrame(frame());
            // Cut 10 bytes off the ciphertext and say so in the length field: the tag cannot verify.
            byte[] cut = Arrays.copyOf(sealed, sealed.length - 10);
            int len = cut.length - NoiseFrameHeader.SIZE;
            cut[3] = (byte) (len >>> 8);
            cut[4] = (byte) len;
            ch.write(ByteBuffer.wrap(cut));
            assertTrue(closedByPeer(ch, WAIT));
        }
        assertEquals(1, event(mix, "noise_link_closed_bad_frame"));
        goodNoisePeerServed(5);
    }

    @Test
    void oversizedHandshakeFrameIsRefusedBeforeItsBodyArrives() throws Exception {
        announceBoth();
        try (SocketChannel ch = connect("127.0.0.1")) {
            byte[] header = new byte[NoiseFrameHeader.SIZE];
            NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_HANDSHAKE, 2000, header, 0);   // nym caps handshakes at 1024
            ch.write(ByteBuffer.wrap(header));
            assertTrue(closedByPeer(ch, WAIT));
        }
        assertEquals(1, event(mix, "noise_handshake_failed"));
        goodNoisePeerServed(5);
    }

    @Test
    void aHandshakeLeftUnfinishedIsClosedAtTheDeadline() throws Exception {
        announceBoth();
        try (SocketChannel ch = connect("127.0.0.1")) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 1, 0}));   // three bytes of a header, then nothing
            assertTrue(closedByPeer(ch, WAIT));
        }
        assertEquals(1, event(mix, "noise_handshake_timeout"));
        goodNoisePeerServed(5);
    }

    @Test
    void plainTcpBothWaysWhenNobodyAnnouncesAKey() throws Exception {
        int before = delivered.get();
        try (var s = TestNodes.send(mix.mixAddress(), frame(), frame())) {
            assertTrue(TestNodes.await(() -> delivered.get() == before + 2, WAIT));
        }
        assertEquals(0, event(mix, "noise_handshakes_inbound") + event(mix, "noise_handshakes_outbound")
                + event(sink, "noise_handshakes_inbound"));
        assertEquals(1, event(mix, "noise_plain_inbound"));
        assertEquals(1, event(mix, "noise_plain_outbound"));
        assertEquals(1, event(sink, "noise_plain_inbound"));
    }

    @Test
    void initiatorMatchesAddressAndPortResponderMatchesTheIpAlone() throws Exception {
        // A node with a Noise key on 127.0.0.1 at another port: the mix's next hop (the sink's port) announces
        // none, so the mix connects to the sink in plain TCP; but 127.0.0.1 is now a Noise IP for the mix as responder.
        InetSocketAddress otherNode = new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.mixAddress().getPort() + 1);
        mix.noisePeers().replace(Map.of(otherNode, key(sink)));
        try (SocketChannel plain = connect("127.0.0.1")) {
            plain.write(ByteBuffer.wrap(frame()));
            assertTrue(closedByPeer(plain, WAIT), "a plain sender from an IP that announces Noise is cut off (nym-node's rule)");
        }
        assertEquals(1, event(mix, "noise_handshake_failed"));
        int before = delivered.get();
        try (SocketChannel plain = connect("127.0.0.2")) {   // no Noise node has this IP: plain is expected and served
            plain.write(ByteBuffer.wrap(frame()));
            assertTrue(TestNodes.await(() -> delivered.get() == before + 1, WAIT));
        }
        assertEquals(0, event(mix, "noise_handshakes_outbound"));
        assertEquals(1, event(mix, "noise_plain_outbound"));
        assertEquals(0, delivered.get() - before - 1);
    }
}
