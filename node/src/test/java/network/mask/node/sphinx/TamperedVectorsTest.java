package network.mask.node.sphinx;

import static network.mask.node.sphinx.SharedVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** tampered.json with the rejection each case must get, for every backend. */
class TamperedVectorsTest {

    private static final JsonObject FILE = SharedVectors.load("tampered.json");
    private static final List<JsonObject> ROUTE = FILE.getJsonObject("base_case").getJsonArray("route").getValuesAs(JsonObject.class);

    static List<Named<SphinxCrypto>> suites() {
        return Backends.suites();
    }

    private static byte[] packet(String name) {
        for (JsonObject c : FILE.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            if (c.getString("name").equals(name)) return hex(c, "packet_hex");
        }
        throw new AssertionError("tampered.json lacks " + name);
    }

    private static byte[] key(int hop) {
        return hex(ROUTE.get(hop), "private_key_hex");
    }

    private static HopResult atHop0(SphinxCrypto crypto, String name, byte[] key) {
        return new SphinxProcessor(crypto).process(packet(name), key, ReplayGuard.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void macFailuresAreBadMac(SphinxCrypto crypto) {
        for (String name : List.of("flip_alpha_byte0", "flip_mac_byte0", "flip_mac_byte15", "flip_routing_info_byte0",
                "flip_routing_info_last")) {
            assertEquals(new HopResult.Rejected(RejectReason.BAD_MAC), atHop0(crypto, name, key(0)), name);
        }
        assertEquals(new HopResult.Rejected(RejectReason.BAD_MAC), atHop0(crypto, "wrong_node_key", key(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void tooShortIsWrongLength(SphinxCrypto crypto) {
        assertEquals(new HopResult.Rejected(RejectReason.WRONG_LENGTH), atHop0(crypto, "too_short", key(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shorterPayloadStillForwards(SphinxCrypto crypto) {
        HopResult.Forward forward = assertInstanceOf(HopResult.Forward.class,
                atHop0(crypto, "payload_one_byte_shorter", key(0)));
        assertEquals(PacketSize.REGULAR.packetLength() - 1, forward.packet().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void flippedPayloadOnlyShowsAsMissingPlaintext(SphinxCrypto crypto) {
        SphinxProcessor processor = new SphinxProcessor(crypto);
        byte[] packet = packet("flip_payload_byte40");
        for (int hop = 0; hop < 3; hop++) {
            packet = assertInstanceOf(HopResult.Forward.class, processor.process(packet, key(hop), ReplayGuard.NONE)).packet();
        }
        HopResult.Final fin = assertInstanceOf(HopResult.Final.class, processor.process(packet, key(3), ReplayGuard.NONE));
        assertTrue(fin.plaintext().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void unknownFlagIsRejected(SphinxCrypto crypto) {
        assertEquals(new HopResult.Rejected(RejectReason.UNKNOWN_FLAG), atHop0(crypto, "valid_mac_unknown_flag_3", key(0)));
    }

    /** Rust accepts this forged packet; dropping it is our documented, safe divergence. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void zeroAlphaIsBadGroupElementAtEveryNode(SphinxCrypto crypto) {
        for (int hop = 0; hop < ROUTE.size(); hop++) {
            assertEquals(new HopResult.Rejected(RejectReason.BAD_GROUP_ELEMENT),
                    atHop0(crypto, "zero_alpha_forged_final_hop", key(hop)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void replayTagIsTheRecordedOneAndReplaysAreCaught(SphinxCrypto crypto) {
        JsonObject replay = FILE.getJsonArray("cases").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("replay_tag_of_base_packet_at_hop0")).findFirst().orElseThrow();
        Set<String> seen = new HashSet<>();
        byte[][] tags = new byte[1][];
        ReplayGuard guard = tag -> {
            tags[0] = tag.clone();
            return seen.add(HexFormat.of().formatHex(tag));
        };
        SphinxProcessor processor = new SphinxProcessor(crypto);
        byte[] packet = hex(replay, "packet_hex");
        assertInstanceOf(HopResult.Forward.class, processor.process(packet.clone(), key(0), guard));
        assertArrayEquals(hex(replay, "replay_tag_hex"), tags[0]);
        byte[] again = packet.clone();
        assertEquals(new HopResult.Rejected(RejectReason.REPLAYED), processor.process(again, key(0), guard));
        assertArrayEquals(packet, again, "a replay is dropped before the packet is touched");
    }
}
