package network.mask.node.vectors;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import network.mask.node.sphinx.KeyDerivation;
import network.mask.node.sphinx.Lioness;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;

/** The sections of a primitives file, one outcome each; unknown sections are reported, not ignored. */
final class PrimitivesChecker {

    static final List<String> SECTIONS = List.of("lioness_kat_from_lioness_0_1_2_tests", "lioness_payload_key_example",
            "hkdf_expand_examples", "aes128_ctr_zero_iv", "hmac_sha256_header_mac", "x25519_and_blinding",
            "node_address_encoding", "constants");

    private final SphinxCrypto crypto;

    PrimitivesChecker(SphinxCrypto crypto) {
        this.crypto = crypto;
    }

    List<CaseOutcome> check(Fields root, jakarta.json.JsonObject raw, String prefix) {
        List<CaseOutcome> out = new ArrayList<>();
        for (String section : raw.keySet()) {
            String label = prefix + section;
            try {
                String problem = switch (section) {
                    case "lioness_kat_from_lioness_0_1_2_tests" -> lioness(root.object(section));
                    case "lioness_payload_key_example" -> payloadKey(root.object(section));
                    case "hkdf_expand_examples" -> hkdf(root.objects(section));
                    case "aes128_ctr_zero_iv" -> aes(root.object(section));
                    case "hmac_sha256_header_mac" -> hmac(root.object(section));
                    case "x25519_and_blinding" -> x25519(root.object(section));
                    case "node_address_encoding" -> addresses(root.objects(section));
                    case "constants" -> constants(root.object(section));
                    default -> throw new VectorFormatException("unknown section");
                };
                out.add(problem == null ? CaseOutcome.pass(label, "equal") : CaseOutcome.fail(label, problem));
            } catch (VectorFormatException e) {
                out.add(CaseOutcome.fail(label, "malformed: " + e.getMessage()));
            } catch (RuntimeException e) {
                out.add(CaseOutcome.fail(label, "error: " + e));
            }
        }
        return out;
    }

    private String lioness(Fields s) throws VectorFormatException {
        byte[] key = s.hex("key_hex");
        byte[] block = s.hex("input_hex");
        new Lioness(crypto).encrypt(key, 0, block, 0, block.length);
        if (!Arrays.equals(s.hex("encrypt_output_hex"), block)) return "encryption differs";
        new Lioness(crypto).decrypt(key, 0, block, 0, block.length);
        return Arrays.equals(s.hex("input_hex"), block) ? null : "decryption does not invert encryption";
    }

    private String payloadKey(Fields s) throws VectorFormatException {
        byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
        byte[] seed = s.hex("seed_hex");
        System.arraycopy(seed, 0, okm, KeyDerivation.PAYLOAD_KEY, KeyDerivation.SEED_LENGTH);
        byte[] key = new byte[Lioness.KEY_LENGTH];
        new KeyDerivation(crypto).derivePayloadKey(okm, key);
        if (!Arrays.equals(s.hex("derived_payload_key_hex"), key)) return "derived payload key differs";
        byte[] block = s.hex("input_hex");
        new Lioness(crypto).encrypt(key, 0, block, 0, block.length);
        return Arrays.equals(s.hex("encrypt_output_hex"), block) ? null : "encryption differs";
    }

    private String hkdf(List<Fields> examples) throws VectorFormatException {
        KeyDerivation kdf = new KeyDerivation(crypto);
        for (int i = 0; i < examples.size(); i++) {
            Fields e = examples.get(i);
            byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
            kdf.expand(e.hex("dh_output_hex"), okm);
            byte[] derived = new byte[Lioness.KEY_LENGTH];
            kdf.derivePayloadKey(okm, derived);
            String[][] slices = {
                    {"hkdf_okm_288_hex", "0", "288"}, {"stream_cipher_key_hex", "0", "16"}, {"header_mac_key_hex", "16", "32"},
                    {"legacy_payload_key_192_hex", "32", "224"}, {"payload_key_seed_hex", "32", "48"},
                    {"blinding_factor_hex", "224", "256"}, {"replay_tag_hex", "256", "288"}};
            for (String[] slice : slices) {
                byte[] part = Arrays.copyOfRange(okm, Integer.parseInt(slice[1]), Integer.parseInt(slice[2]));
                if (e.has(slice[0]) && !Arrays.equals(e.hex(slice[0]), part)) return "example " + i + ": " + slice[0] + " differs";
            }
            if (e.has("derived_payload_key_192_hex") && !Arrays.equals(e.hex("derived_payload_key_192_hex"), derived)) {
                return "example " + i + ": derived payload key differs";
            }
        }
        return null;
    }

    private String aes(Fields s) throws VectorFormatException {
        byte[] keystream = new byte[s.integer("keystream_len")];
        crypto.newAesCtr().xor(s.hex("key_hex"), 0, keystream, 0, keystream.length);
        return Arrays.equals(s.hex("keystream_hex"), keystream) ? null : "keystream differs";
    }

    private String hmac(Fields s) throws VectorFormatException {
        byte[] key = s.hex("key_hex");
        byte[] data = s.string("data_ascii").getBytes(StandardCharsets.US_ASCII);
        byte[] mac = new byte[32];
        crypto.newHmac().mac(key, 0, key.length, data, 0, data.length, mac, 0);
        if (!Arrays.equals(s.hex("full_hmac_hex"), mac)) return "HMAC differs";
        return Arrays.equals(s.hex("header_mac_first16_hex"), Arrays.copyOf(mac, 16)) ? null : "truncated MAC differs";
    }

    private String x25519(Fields s) throws VectorFormatException {
        byte[] base = new byte[32];
        base[0] = 9;
        for (X25519 x : new X25519[] {crypto.newDh(), crypto.newBlinding()}) {
            byte[] out = new byte[32];
            x.scalarMult(s.hex("node_private_raw_hex"), 0, base, 0, out, 0);
            if (!Arrays.equals(s.hex("node_public_hex"), out)) return "node public key differs";
            x.scalarMult(s.hex("initial_secret_raw_hex"), 0, base, 0, out, 0);
            if (!Arrays.equals(s.hex("alpha0_hex"), out)) return "alpha0 differs";
            x.scalarMult(s.hex("node_private_raw_hex"), 0, s.hex("alpha0_hex"), 0, out, 0);
            if (!Arrays.equals(s.hex("shared_secret_hex"), out)) return "shared secret differs";
            x.scalarMult(s.hex("blinding_factor_raw_hex"), 0, s.hex("alpha0_hex"), 0, out, 0);
            if (!Arrays.equals(s.hex("alpha1_clamped_x25519_hex"), out)) return "clamped blinding differs";
        }
        return null;
    }

    private static String addresses(List<Fields> examples) throws VectorFormatException {
        for (Fields e : examples) {
            String socket = e.string("socket");
            byte[] bytes = e.hex("bytes_hex");
            NodeAddress decoded = NodeAddress.decode(bytes, 0);
            if (decoded == null || !decoded.toString().equals(socket)) return "decoding " + socket + " gives " + decoded;
            if (!Arrays.equals(bytes, new NodeAddress(parse(socket)).encode())) return "encoding " + socket + " differs";
        }
        return null;
    }

    /** {@code 10.0.0.1:1789} or {@code [2001:db8::3]:1789}, literals only (never a DNS lookup). */
    private static InetSocketAddress parse(String socket) throws VectorFormatException {
        int colon = socket.lastIndexOf(':');
        if (colon < 0) throw new VectorFormatException("socket '" + socket + "' has no port");
        String host = socket.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(InetAddress.ofLiteral(host), Integer.parseInt(socket.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException("socket '" + socket + "' is not an IP literal and port");
        }
    }

    private static String constants(Fields s) throws VectorFormatException {
        int[][] pairs = {
                {s.integer("HEADER_SIZE"), SphinxConstants.HEADER_SIZE},
                {s.integer("ENCRYPTED_ROUTING_INFO_SIZE"), SphinxConstants.ROUTING_INFO_SIZE},
                {s.integer("EXPANDED_SHARED_SECRET_LENGTH"), SphinxConstants.EXPANDED_SHARED_SECRET_LENGTH},
                {s.integer("FINAL_NODE_META_INFO_LENGTH"), SphinxConstants.FINAL_NODE_META_INFO_LENGTH},
                {s.integer("MAX_PATH_LENGTH"), SphinxConstants.MAX_PATH_LENGTH},
                {s.integer("NODE_META_INFO_SIZE"), SphinxConstants.NODE_META_INFO_SIZE},
                {s.integer("PAYLOAD_OVERHEAD_SIZE"), SphinxConstants.PAYLOAD_OVERHEAD_SIZE},
                {s.integer("STREAM_CIPHER_OUTPUT_LENGTH"), SphinxConstants.STREAM_CIPHER_OUTPUT_LENGTH}};
        for (int[] pair : pairs) {
            if (pair[0] != pair[1]) return "a constant differs: " + pair[0] + " vs " + pair[1];
        }
        for (Fields size : s.objects("packet_sizes")) {
            PacketSize ours = PacketSize.valueOf(size.string("name").toUpperCase(Locale.ROOT));
            if (ours.packetLength() != size.integer("packet_len") || ours.payloadLength() != size.integer("sphinx_payload_size")) {
                return "size " + size.string("name") + " differs";
            }
        }
        return null;
    }
}
