package network.mask.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import network.mask.node.keys.Base58;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.outfox.OutfoxProcessor;
import network.mask.node.outfox.OutfoxResult;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node mixing Outfox over real TCP, as nym-node does: the node holds the first hop's key of the
 * vectors (node/src/test/resources/outfox/vectors.json, built apart from the engine), and a listener on
 * the vectors' second hop (127.0.0.77:20002) reads what it forwards: a type-2 frame of the same size tag,
 * rotation "unknown", carrying the packet with the first layer removed; no replay check (a copy is
 * forwarded again, as nym-node has no Outfox replay tag).
 */
class OutfoxForwardingTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonObject VECTORS = load();

    @TempDir Path dir;
    NodeDaemon mix;
    ServerSocket nextHop;

    private static JsonObject load() {
        try (InputStream in = OutfoxForwardingTest.class.getResourceAsStream("/outfox/vectors.json")) {
            return Json.createReader(in).readObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hopKey(int hop) {
        return HEX.parseHex(VECTORS.getJsonArray("hopPrivateKeys").getString(hop));
    }

    private static List<JsonObject> vectors() {
        return VECTORS.getJsonArray("vectors").getValuesAs(JsonObject.class);
    }

    @BeforeEach
    void start() throws Exception {
        // The node's primary Sphinx key is the vectors' first hop (rotation 1: odd).
        Path keys = Files.createDirectories(dir.resolve("mix/keys"));
        Path key = keys.resolve("sphinx_x25519_primary.key");
        Files.writeString(key, "kind = x25519-sphinx\nrotation_id = 1\nprivate_key = " + Base58.encode(hopKey(0)) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        nextHop = new ServerSocket();
        nextHop.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.77"), 20002));
        nextHop.setSoTimeout(10_000);
        mix = NodeDaemon.builder(TestNodes.config(dir.resolve("mix"))).build();
        mix.start();
    }

    @AfterEach
    void stop() throws Exception {
        mix.stop(Duration.ofMillis(100));
        nextHop.close();
    }

    @Test
    void outfoxPacketsAreUnwrappedAndForwardedInTypeTwoFramesRepliesIncluded() throws Exception {
        JsonObject regular = vectors().get(0), ack = vectors().get(1);
        byte[] regularPacket = HEX.parseHex(regular.getString("packet"));
        byte[] ackPacket = HEX.parseHex(ack.getString("packet"));
        try (Socket s = TestNodes.send(mix.mixAddress(),
                frame(new byte[] {8, 6, 2, 1}, regularPacket),      // v8, outfox_regular, rotation odd
                frame(new byte[] {7, 7, 2}, ackPacket),             // v7, outfox_ack
                frame(new byte[] {8, 6, 2, 0}, regularPacket));     // the same packet again, rotation unknown
             Socket in = nextHop.accept()) {
            in.setSoTimeout(10_000);
            DataInputStream data = new DataInputStream(in.getInputStream());
            OutfoxProcessor mix2 = new OutfoxProcessor();
            // Several crypto workers: the three may leave in any order, so each frame is read by its own size tag.
            int regulars = 0, acks = 0;
            for (int i = 0; i < 3; i++) {
                int version = data.readUnsignedByte();
                int tag = data.readUnsignedByte();
                assertEquals(2, data.readUnsignedByte(), "packet type Outfox");
                if (version == 8) assertEquals(0, data.readUnsignedByte(), "forwarded Outfox carries rotation unknown");
                assertTrue(tag == 6 || tag == 7, "the size tag is kept: " + tag);
                byte[] sent = tag == 7 ? ackPacket : regularPacket;
                if (tag == 7) acks++; else regulars++;
                byte[] forwarded = new byte[sent.length];
                data.readFully(forwarded);
                OutfoxResult.Forward expected = assertInstanceOf(OutfoxResult.Forward.class, new OutfoxProcessor().process(sent, hopKey(0)));
                assertArrayEquals(expected.packet(), forwarded);
                // And the second hop can open what it got, finding the third.
                OutfoxResult.Forward next = assertInstanceOf(OutfoxResult.Forward.class, mix2.process(forwarded, hopKey(1)));
                assertArrayEquals(HEX.parseHex(VECTORS.getJsonArray("nextHops").getString(1)), next.nextHop());
            }
            assertEquals(2, regulars, "both copies of the regular packet forwarded");
            assertEquals(1, acks, "and the ack");
        }
        MetricsSnapshot m = mix.metrics().snapshot();
        assertEquals(3, m.event("outfox_forwarded"));
        assertEquals(0, m.replaysRejected(), "nym-node does no replay check on Outfox");
    }

    @Test
    void badOutfoxIsCountedByReasonAndTheLinkLives() throws Exception {
        byte[] packet = HEX.parseHex(vectors().get(0).getString("packet"));
        byte[] tampered = packet.clone();
        tampered[6 + 60] ^= 1;                                  // inside the first stage's sealed routing
        byte[] wrongLength = packet.clone();
        wrongLength[4] ^= 1;                                    // parameters name another payload length
        try (Socket s = TestNodes.send(mix.mixAddress(),
                frame(new byte[] {8, 6, 2, 1}, tampered),
                frame(new byte[] {8, 6, 2, 1}, wrongLength),
                frame(new byte[] {8, 6, 2, 2}, packet),          // even rotation: this node has no even key
                frame(new byte[] {8, 6, 2, 1}, packet))) {       // then a good one on the same link
            try (Socket in = nextHop.accept()) {
                in.setSoTimeout(10_000);
                DataInputStream data = new DataInputStream(in.getInputStream());
                int headerLength = data.readUnsignedByte() == 8 ? 4 : 3;
                data.readFully(new byte[headerLength - 1 + packet.length]);   // the good one arrives whole
            }
        }
        assertTrue(TestNodes.await(() -> mix.metrics().snapshot().event("outfox_forwarded") == 1, Duration.ofSeconds(5)));
        MetricsSnapshot m = mix.metrics().snapshot();
        assertEquals(1, m.dropped("outfox_bad_tag"));
        assertEquals(1, m.dropped("outfox_malformed"));
        assertEquals(1, m.dropped("no_key_for_rotation"));
        assertEquals(4, m.packetsReceived());
    }

    private static byte[] frame(byte[] header, byte[] packet) {
        byte[] f = new byte[header.length + packet.length];
        System.arraycopy(header, 0, f, 0, header.length);
        System.arraycopy(packet, 0, f, header.length, packet.length);
        return f;
    }
}
