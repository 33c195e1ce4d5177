package network.mask.node.outfox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Outfox engine against vectors built apart from it (JavaScript, @noble ciphers and hashes, Node's
 * X25519: interop/nym-wasm/tools/outfox-vectors.js, following nym-outfox's encoder), and against bad input.
 * The vectors' route is mix 1, mix 2, mix 3, gateway: each mix must find the next hop's address and leave a
 * packet of the same length, and the gateway's layer must give the recipient and the message back.
 */
class OutfoxProcessorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonObject VECTORS = load();

    private final OutfoxProcessor processor = new OutfoxProcessor();

    private static JsonObject load() {
        try (InputStream in = OutfoxProcessorTest.class.getResourceAsStream("/outfox/vectors.json")) {
            return Json.createReader(in).readObject();
        } catch (Exception e) {
            throw new IllegalStateException("outfox/vectors.json missing", e);
        }
    }

    private static byte[] key(int hop) {
        return HEX.parseHex(VECTORS.getJsonArray("hopPrivateKeys").getString(hop));
    }

    private static List<JsonObject> vectors() {
        return VECTORS.getJsonArray("vectors").getValuesAs(JsonObject.class);
    }

    @Test
    void everyHopOfTheVectorsOpensItsLayerAndTheGatewayGetsTheMessage() {
        for (JsonObject v : vectors()) {
            byte[] packet = HEX.parseHex(v.getString("packet"));
            int length = packet.length;
            for (int hop = 0; hop < 3; hop++) {
                byte[] before = packet.clone();
                OutfoxResult.Forward f = assertInstanceOf(OutfoxResult.Forward.class, processor.process(packet, key(hop)), v.getString("size") + " hop " + hop);
                assertArrayEquals(HEX.parseHex(VECTORS.getJsonArray("nextHops").getString(hop)), f.nextHop());
                assertEquals(length, f.packet().length, "Outfox packets keep their length");
                assertEquals(0, f.packet()[3 - hop], "the opened stage is marked done");
                assertArrayEquals(before, packet, "the input is not modified");
                packet = f.packet();
            }
            OutfoxResult.Final last = assertInstanceOf(OutfoxResult.Final.class, processor.process(packet, key(3)));
            assertArrayEquals(HEX.parseHex(VECTORS.getString("recipient")), last.destination());
            assertArrayEquals(HEX.parseHex(v.getString("message")), last.plaintext().orElseThrow());
        }
    }

    @Test
    void anotherNodesKeyOrATamperedHeaderFailsTheTag() {
        byte[] packet = regular();
        assertEquals(new OutfoxResult.Rejected(OutfoxError.BAD_TAG), processor.process(packet, key(1)));
        for (int at : new int[] {6 + 32, 6 + 48, 6 + 200}) {   // tag, routing, an inner stage
            byte[] tampered = packet.clone();
            tampered[at] ^= 1;
            assertEquals(new OutfoxResult.Rejected(OutfoxError.BAD_TAG), processor.process(tampered, key(0)), "bit at " + at);
        }
    }

    @Test
    void aTamperedPayloadPassesTheMixesButTheGatewayFindsNoMessage() {
        byte[] packet = regular();
        packet[packet.length - 100] ^= 1;   // Lion is unauthenticated: only the last layer can tell
        for (int hop = 0; hop < 3; hop++) packet = assertInstanceOf(OutfoxResult.Forward.class, processor.process(packet, key(hop))).packet();
        OutfoxResult.Final last = assertInstanceOf(OutfoxResult.Final.class, processor.process(packet, key(3)));
        assertTrue(last.plaintext().isEmpty());
    }

    @Test
    void lengthsThatDisagreeWithTheParametersAreWrongLength() {
        byte[] packet = regular();
        assertEquals(OutfoxError.WRONG_LENGTH, error(java.util.Arrays.copyOf(packet, packet.length - 1)));
        assertEquals(OutfoxError.WRONG_LENGTH, error(new byte[10]));
        byte[] otherLength = packet.clone();
        otherLength[4]++;
        assertEquals(OutfoxError.WRONG_LENGTH, error(otherLength));
        byte[] tooSmall = new byte[OutfoxLayout.packetLength(47)];
        tooSmall[4] = 47;
        assertEquals(OutfoxError.WRONG_LENGTH, error(tooSmall));
    }

    @Test
    void layeringsNymNeverBuildsAreBadParameters() {
        for (byte[] marks : new byte[][] {{0, 0, 0, 0}, {32, 0, 32, 32}, {16, 32, 32, 32}, {32, 32, 32, 33}}) {
            byte[] packet = regular();
            System.arraycopy(marks, 0, packet, 0, 4);
            assertEquals(OutfoxError.BAD_PARAMETERS, error(packet), java.util.Arrays.toString(marks));
        }
    }

    @Test
    void aZeroPublicElementIsRefused() {
        byte[] packet = regular();
        java.util.Arrays.fill(packet, 6, 6 + 32, (byte) 0);
        assertEquals(OutfoxError.BAD_GROUP_ELEMENT, error(packet));
    }

    @Test
    void garbageOfTheRightShapeIsRefusedNeverThrown() {
        Random random = new Random(12);
        for (int i = 0; i < 200; i++) {
            byte[] packet = new byte[OutfoxLayout.packetLength(2051)];
            random.nextBytes(packet);
            packet[0] = packet[1] = packet[2] = packet[3] = 32;
            packet[4] = (byte) (2051 & 0xFF);
            packet[5] = (byte) (2051 >> 8);
            OutfoxError e = error(packet);
            assertTrue(e == OutfoxError.BAD_TAG || e == OutfoxError.BAD_GROUP_ELEMENT, String.valueOf(e));
        }
    }

    @Test
    void lionRoundTrips() {
        Lion lion = new Lion();
        byte[] key = new byte[32];
        key[0] = 7;
        byte[] message = new byte[100];
        new Random(3).nextBytes(message);
        byte[] work = message.clone();
        lion.encrypt(work, 0, work.length, key);
        assertTrue(!java.util.Arrays.equals(work, message));
        lion.decrypt(work, 0, work.length, key);
        assertArrayEquals(message, work);
    }

    private OutfoxError error(byte[] packet) {
        return assertInstanceOf(OutfoxResult.Rejected.class, processor.process(packet, key(0))).error();
    }

    private static byte[] regular() {
        return HEX.parseHex(vectors().getFirst().getString("packet"));
    }
}
