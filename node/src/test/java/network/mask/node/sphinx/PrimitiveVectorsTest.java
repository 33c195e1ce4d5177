package network.mask.node.sphinx;

import static network.mask.node.sphinx.SharedVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import network.mask.node.sphinx.crypto.CryptoProvider;
import network.mask.node.sphinx.crypto.KnownAnswers;
import network.mask.node.sphinx.crypto.Primitive;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** primitives.json, each building block against each provider that implements it. */
class PrimitiveVectorsTest {

    private static final JsonObject FILE = SharedVectors.load("primitives.json");

    /** Every (provider, primitive) pair; the primitive under test comes from the provider, the rest from BouncyCastle. */
    static Stream<Arguments> implementations() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoProvider provider : Backends.providers()) {
            for (Primitive primitive : provider.primitives()) {
                SphinxCrypto crypto = SphinxCrypto.portable().with(primitive, provider);
                out.add(Arguments.of(Named.of(provider.name(), crypto), primitive));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implementations")
    void passesItsVectorsAndSelfTest(SphinxCrypto crypto, Primitive primitive) {
        assertEquals(java.util.Optional.empty(), KnownAnswers.check(crypto.provider(primitive), primitive));
        switch (primitive) {
            case X25519_DH -> x25519(crypto.newDh());
            case X25519_BLIND -> x25519(crypto.newBlinding());
            case HKDF -> hkdf(crypto);
            case AES_CTR -> aes(crypto);
            case HMAC -> hmac(crypto);
            case CHACHA20, BLAKE2B -> lioness(crypto);
        }
    }

    private static void x25519(X25519 x) {
        JsonObject v = FILE.getJsonObject("x25519_and_blinding");
        byte[] base = new byte[32];
        base[0] = 9;
        byte[] out = new byte[32];
        x.scalarMult(hex(v, "node_private_raw_hex"), 0, base, 0, out, 0);
        assertArrayEquals(hex(v, "node_public_hex"), out);
        x.scalarMult(hex(v, "initial_secret_raw_hex"), 0, base, 0, out, 0);
        assertArrayEquals(hex(v, "alpha0_hex"), out);
        x.scalarMult(hex(v, "node_private_raw_hex"), 0, hex(v, "alpha0_hex"), 0, out, 0);
        assertArrayEquals(hex(v, "shared_secret_hex"), out);
        x.scalarMult(hex(v, "blinding_factor_raw_hex"), 0, hex(v, "alpha0_hex"), 0, out, 0);
        assertArrayEquals(hex(v, "alpha1_clamped_x25519_hex"), out);
        assertFalse(Arrays.equals(hex(v, "alpha1_if_unclamped_scalar_mod_l_hex"), out), "blinding must clamp (v258/v259)");
        assertFalse(x.scalarMult(hex(v, "node_private_raw_hex"), 0, new byte[32], 0, out, 0), "zero point refused");
    }

    private static void hkdf(SphinxCrypto crypto) {
        KeyDerivation kdf = new KeyDerivation(crypto);
        for (JsonObject e : FILE.getJsonArray("hkdf_expand_examples").getValuesAs(JsonObject.class)) {
            byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
            kdf.expand(hex(e, "dh_output_hex"), okm);
            assertArrayEquals(hex(e, "hkdf_okm_288_hex"), okm);
            assertArrayEquals(hex(e, "stream_cipher_key_hex"), Arrays.copyOfRange(okm, 0, 16));
            assertArrayEquals(hex(e, "header_mac_key_hex"), Arrays.copyOfRange(okm, 16, 32));
            assertArrayEquals(hex(e, "legacy_payload_key_192_hex"), Arrays.copyOfRange(okm, 32, 224));
            assertArrayEquals(hex(e, "payload_key_seed_hex"), Arrays.copyOfRange(okm, 32, 48));
            assertArrayEquals(hex(e, "blinding_factor_hex"), Arrays.copyOfRange(okm, 224, 256));
            assertArrayEquals(hex(e, "replay_tag_hex"), Arrays.copyOfRange(okm, 256, 288));
            byte[] derived = new byte[Lioness.KEY_LENGTH];
            kdf.derivePayloadKey(okm, derived);
            assertArrayEquals(hex(e, "derived_payload_key_192_hex"), derived);
        }
        JsonObject example = FILE.getJsonObject("lioness_payload_key_example");
        byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
        System.arraycopy(hex(example, "seed_hex"), 0, okm, KeyDerivation.PAYLOAD_KEY, 16);
        byte[] key = new byte[Lioness.KEY_LENGTH];
        kdf.derivePayloadKey(okm, key);
        assertArrayEquals(hex(example, "derived_payload_key_hex"), key);
    }

    private static void aes(SphinxCrypto crypto) {
        JsonObject v = FILE.getJsonObject("aes128_ctr_zero_iv");
        byte[] keystream = new byte[v.getInt("keystream_len")];
        crypto.newAesCtr().xor(hex(v, "key_hex"), 0, keystream, 0, keystream.length);
        assertArrayEquals(hex(v, "keystream_hex"), keystream);
    }

    private static void hmac(SphinxCrypto crypto) {
        JsonObject v = FILE.getJsonObject("hmac_sha256_header_mac");
        byte[] data = v.getString("data_ascii").getBytes(StandardCharsets.US_ASCII);
        byte[] mac = new byte[32];
        crypto.newHmac().mac(hex(v, "key_hex"), 0, 16, data, 0, data.length, mac, 0);
        assertArrayEquals(hex(v, "full_hmac_hex"), mac);
        assertArrayEquals(hex(v, "header_mac_first16_hex"), Arrays.copyOf(mac, 16));
    }

    private static void lioness(SphinxCrypto crypto) {
        for (String section : List.of("lioness_kat_from_lioness_0_1_2_tests", "lioness_payload_key_example")) {
            JsonObject v = FILE.getJsonObject(section);
            byte[] key = hex(v, v.containsKey("key_hex") ? "key_hex" : "derived_payload_key_hex");
            byte[] block = hex(v, "input_hex");
            Lioness lioness = new Lioness(crypto);
            lioness.encrypt(key, 0, block, 0, block.length);
            assertArrayEquals(hex(v, "encrypt_output_hex"), block, section);
            lioness.decrypt(key, 0, block, 0, block.length);
            assertArrayEquals(hex(v, "input_hex"), block, section);
        }
    }

    @Test
    void nodeAddressesEncodeAsTheVectorsSay() {
        for (JsonObject e : FILE.getJsonArray("node_address_encoding").getValuesAs(JsonObject.class)) {
            NodeAddress decoded = NodeAddress.decode(hex(e, "bytes_hex"), 0);
            assertEquals(e.getString("socket"), decoded.toString());
            assertArrayEquals(hex(e, "bytes_hex"), decoded.encode());
        }
    }

    @Test
    void sizesAndConstantsMatch() {
        JsonObject c = FILE.getJsonObject("constants");
        assertEquals(c.getInt("HEADER_SIZE"), SphinxConstants.HEADER_SIZE);
        assertEquals(c.getInt("ENCRYPTED_ROUTING_INFO_SIZE"), SphinxConstants.ROUTING_INFO_SIZE);
        assertEquals(c.getInt("STREAM_CIPHER_OUTPUT_LENGTH"), SphinxConstants.STREAM_CIPHER_OUTPUT_LENGTH);
        assertEquals(c.getInt("EXPANDED_SHARED_SECRET_LENGTH"), SphinxConstants.EXPANDED_SHARED_SECRET_LENGTH);
        assertEquals(c.getInt("FINAL_NODE_META_INFO_LENGTH"), SphinxConstants.FINAL_NODE_META_INFO_LENGTH);
        for (JsonObject size : c.getJsonArray("packet_sizes").getValuesAs(JsonObject.class)) {
            PacketSize ours = PacketSize.valueOf(size.getString("name").toUpperCase(java.util.Locale.ROOT));
            assertEquals(size.getInt("packet_len"), ours.packetLength());
            assertEquals(size.getInt("sphinx_payload_size"), ours.payloadLength());
            assertEquals(ours, PacketSize.fromPacketLength(ours.packetLength()));
            assertEquals(ours, PacketSize.fromTag(ours.tag()));
        }
    }
}
