package network.mask.node.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import network.mask.node.sphinx.Backends;
import network.mask.node.sphinx.crypto.Primitive;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published vectors for {@code Noise_XKpsk3_25519_AESGCM_SHA256} (cacophony's, as shipped with snow;
 * see the resource's {@code _source}): both sides are driven with the vector's keys, PSK and prologue,
 * and every message, the handshake hash and the transport messages must come out byte for byte, with each
 * AES-GCM backend.
 */
class NoiseVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<JsonObject> vectors() throws Exception {
        try (InputStream in = NoiseVectorsTest.class.getResourceAsStream("/noise/Noise_XKpsk3_25519_AESGCM_SHA256.json");
             JsonReader r = Json.createReader(in)) {
            return r.readObject().getJsonArray("vectors").stream().map(JsonValue::asJsonObject).toList();
        }
    }

    private static byte[] hex(JsonObject o, String name) {
        return HEX.parseHex(o.getString(name));
    }

    /** Every backend that implements AES-GCM (the JDK, BouncyCastle, libcrypto) must pass every vector. */
    static List<Named<GcmSource>> ciphers() {
        return Backends.providers().stream()
                .filter(p -> p.primitives().contains(Primitive.AES_GCM))
                .map(p -> Named.of(p.name(), GcmSource.perThread(p::aesGcm)))
                .toList();
    }

    @Test
    void everyAesGcmBackendIsUnderTest() {
        assertEquals(List.of("bc", "jca", "openssl"), ciphers().stream().map(Named::getName).toList());
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void handshakeAndTransportMatchThePublishedVectors(GcmSource gcm) throws Exception {
        List<JsonObject> all = vectors();
        assertFalse(all.isEmpty());
        for (JsonObject v : all) {
            assertEquals(NoiseProtocol.NAME, v.getString("protocol_name"));
            byte[] psk = HEX.parseHex(v.getJsonArray("init_psks").getString(0));
            assertEquals(1, v.getJsonArray("init_psks").size(), "XKpsk3 takes one PSK");
            NoiseHandshake initiator = NoiseHandshake.initiator(NoiseKeyPair.fromPrivate(hex(v, "init_static")),
                    NoiseKeyPair.fromPrivate(hex(v, "init_ephemeral")), hex(v, "init_remote_static"), psk, hex(v, "init_prologue"), gcm);
            NoiseHandshake responder = NoiseHandshake.responder(NoiseKeyPair.fromPrivate(hex(v, "resp_static")),
                    NoiseKeyPair.fromPrivate(hex(v, "resp_ephemeral")), HEX.parseHex(v.getJsonArray("resp_psks").getString(0)),
                    hex(v, "resp_prologue"), gcm);
            List<JsonObject> messages = v.getJsonArray("messages").stream().map(JsonValue::asJsonObject).toList();
            for (int i = 0; i < 3; i++) {
                NoiseHandshake writer = i % 2 == 0 ? initiator : responder;
                NoiseHandshake reader = i % 2 == 0 ? responder : initiator;
                byte[] payload = hex(messages.get(i), "payload");
                byte[] wire = writer.writeMessage(payload);
                assertArrayEquals(hex(messages.get(i), "ciphertext"), wire, "handshake message " + i);
                assertArrayEquals(payload, reader.readMessage(wire), "handshake payload " + i);
            }
            assertTrue(initiator.isFinished() && responder.isFinished());
            assertArrayEquals(hex(v, "handshake_hash"), initiator.handshakeHash());
            assertArrayEquals(hex(v, "handshake_hash"), responder.handshakeHash());
            assertArrayEquals(NoiseKeyPair.fromPrivate(hex(v, "init_static")).publicKey(), responder.remoteStatic());
            NoiseTransport i = initiator.split();
            NoiseTransport r = responder.split();
            for (int m = 3; m < messages.size(); m++) {
                boolean fromInitiator = m % 2 == 0;   // the vectors keep alternating after the handshake
                byte[] payload = hex(messages.get(m), "payload");
                byte[] wire = (fromInitiator ? i : r).encrypt(payload);
                assertArrayEquals(hex(messages.get(m), "ciphertext"), wire, "transport message " + m);
                assertArrayEquals(payload, (fromInitiator ? r : i).decrypt(wire));
            }
            // Negative control: one changed bit of the next message fails its tag, with this backend too.
            byte[] next = i.encrypt(new byte[] {1, 2, 3});
            next[0] ^= 1;
            NoiseException bad = assertThrows(NoiseException.class, () -> r.decrypt(next));
            assertEquals(NoiseException.Kind.DECRYPT_FAILED, bad.kind());
        }
    }
}
