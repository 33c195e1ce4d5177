package network.mask.node.sphinx;

import static network.mask.node.sphinx.SharedVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** forward_v258.json and forward_v259.json, hop by hop and sender side, for every backend. */
class ForwardVectorsTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<SphinxCrypto> suite : Backends.suites()) {
            for (String file : List.of("forward_v259.json", "forward_v258.json")) {
                for (JsonValue value : SharedVectors.load(file).getJsonArray("cases")) {
                    JsonObject c = value.asJsonObject();
                    out.add(Arguments.of(suite, Named.of(c.getString("name"), c)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyHopGivesTheRecordedResult(SphinxCrypto crypto, JsonObject c) {
        SphinxProcessor processor = new SphinxProcessor(crypto);
        List<JsonObject> route = c.getJsonArray("route").getValuesAs(JsonObject.class);
        List<JsonObject> hops = c.getJsonArray("hops").getValuesAs(JsonObject.class);
        assertEquals(route.size(), hops.size());
        byte[] input = hex(c, "packet_hex");
        for (int i = 0; i < hops.size(); i++) {
            JsonObject hop = hops.get(i);
            byte[] sk = hex(route.get(i), "private_key_hex");
            assertKeys(crypto, input, sk, hop.getJsonObject("keys"));
            byte[][] tag = new byte[1][];
            byte[] packet = input.clone();
            HopResult result = processor.process(packet, sk, seen -> {
                tag[0] = seen.clone();
                return true;
            });
            assertArrayEquals(hex(hop.getJsonObject("keys"), "replay_tag_hex"), tag[0], "replay tag, hop " + i);
            if (hop.getString("result").equals("forward")) {
                HopResult.Forward forward = assertInstanceOf(HopResult.Forward.class, result, "hop " + i);
                assertEquals(NodeAddress.decode(hex(hop, "next_hop_address_hex"), 0), forward.nextHop());
                assertEquals(hop.getString("next_hop_address_decoded"), forward.nextHop().toString());
                assertEquals(hop.getJsonNumber("delay_nanos").longValueExact(), forward.delayNanos());
                assertArrayEquals(hex(hop, "output_packet_hex"), forward.packet(), "output packet, hop " + i);
                assertEquals(packet, forward.packet(), "forwarded in place");
                input = forward.packet();
            } else {
                HopResult.Final fin = assertInstanceOf(HopResult.Final.class, result, "hop " + i);
                assertArrayEquals(hex(hop, "destination_hex"), fin.destination());
                assertArrayEquals(hex(hop, "identifier_hex"), fin.surbId());
                assertArrayEquals(hex(hop, "final_payload_hex"), fin.payload());
                assertArrayEquals(hex(hop, "recovered_plaintext_hex"), fin.plaintext().orElseThrow());
                assertArrayEquals(hex(c, "message_hex"), fin.plaintext().orElseThrow());
                assertEquals(hops.size() - 1, i, "final hop must be the last");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void senderBuildsTheRecordedPacket(SphinxCrypto crypto, JsonObject c) {
        List<RouteHop> route = new ArrayList<>();
        for (JsonObject hop : c.getJsonArray("route").getValuesAs(JsonObject.class)) {
            route.add(new RouteHop(hex(hop, "public_key_hex"), NodeAddress.decode(hex(hop, "address_hex"), 0),
                    hop.getJsonNumber("delay_nanos").longValueExact()));
        }
        JsonObject destination = c.getJsonObject("destination");
        byte[] packet = new SphinxPacketBuilder(crypto).build(c.getInt("sphinx_version"), c.getInt("sphinx_payload_size"),
                route, hex(destination, "address_hex"), hex(destination, "identifier_hex"), hex(c, "message_hex"),
                hex(c, "initial_secret_hex"), hex(c, "final_hop_padding_hex"));
        assertEquals(c.getInt("packet_len"), packet.length);
        assertArrayEquals(hex(c, "initial_alpha_hex"), Arrays.copyOf(packet, 32));
        assertArrayEquals(hex(c, "packet_hex"), packet);
    }

    /** The intermediate keys, so that a mismatch names the step that went wrong. */
    private static void assertKeys(SphinxCrypto crypto, byte[] packet, byte[] sk, JsonObject keys) {
        byte[] dh = new byte[32];
        crypto.newDh().scalarMult(sk, 0, packet, 0, dh, 0);
        assertArrayEquals(hex(keys, "dh_output_hex"), dh, "X25519 with the node key");
        KeyDerivation kdf = new KeyDerivation(crypto);
        byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
        kdf.expand(dh, okm);
        assertArrayEquals(hex(keys, "hkdf_okm_288_hex"), okm, "HKDF expansion");
        byte[] payloadKey = new byte[Lioness.KEY_LENGTH];
        kdf.derivePayloadKey(okm, payloadKey);
        assertArrayEquals(hex(keys, "derived_payload_key_192_hex"), payloadKey, "v259 payload key");
    }
}
