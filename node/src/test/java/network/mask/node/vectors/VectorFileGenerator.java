package network.mask.node.vectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.KeyDerivation;
import network.mask.node.sphinx.Lioness;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.sphinx.SphinxProcessor;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;

/**
 * Writes forward vector files in the schema of vectors/README.md from deterministic
 * inputs (seeded by the case name), for routes, sizes, versions and message lengths the shared
 * files do not cover. Their independence comes from vectors/check_vectors.py (the repository copy of ../shared/vectors), which
 * re-implements the spec in Python and must agree with them ({@code PythonCrossCheckTest}).
 */
public final class VectorFileGenerator {

    private static final HexFormat HEX = HexFormat.of();

    /** What one case varies. */
    public record Spec(String name, int version, PacketSize size, int hops, int messageLength, boolean ipv6, long delay) {}

    /** Cases beyond the shared files: extended16/32, version 260, 1..5 hops, IPv6, extreme delays and lengths. */
    public static final List<Spec> EXTRA = List.of(
            new Spec("gen/v259/extended16/2hops", 259, PacketSize.EXTENDED16, 2, 10_000, false, 1_000_000L),
            new Spec("gen/v259/extended32/1hop-full", 259, PacketSize.EXTENDED32, 1, 32_768, false, 0L),
            new Spec("gen/v258/extended8/3hops-1byte", 258, PacketSize.EXTENDED8, 3, 1, false, 123_456_789L),
            new Spec("gen/v260/regular/4hops", 260, PacketSize.REGULAR, 4, 777, false, 50_000_000L),
            new Spec("gen/v259/ack/5hops-empty", 259, PacketSize.ACK, 5, 0, false, 7L),
            new Spec("gen/v258/regular/5hops-ipv6", 258, PacketSize.REGULAR, 5, 2_047, true, 10_000_000_000L),
            new Spec("gen/v259/regular/3hops-u64-max-delay", 259, PacketSize.REGULAR, 3, 2_048, false, -1L));

    private final SphinxCrypto crypto;

    public VectorFileGenerator(SphinxCrypto crypto) {
        this.crypto = crypto;
    }

    /** Writes one file with every spec as a case; returns its exact bytes' SHA-256 in hex. */
    public String write(Path file, List<Spec> specs) throws IOException {
        JsonArrayBuilder cases = Json.createArrayBuilder();
        for (Spec spec : specs) cases.add(build(spec));
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.writeObject(Json.createObjectBuilder().add("cases", cases).build());
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return HEX.formatHex(sha256(bytes));
    }

    JsonObject build(Spec spec) {
        SplittableRandom random = new SplittableRandom(new BigInteger(1, sha256(spec.name().getBytes(StandardCharsets.UTF_8))).longValue());
        X25519 x25519 = crypto.newBlinding();
        List<byte[]> secrets = new ArrayList<>();
        List<RouteHop> route = new ArrayList<>();
        JsonArrayBuilder routeJson = Json.createArrayBuilder();
        for (int i = 0; i < spec.hops(); i++) {
            byte[] secret = bytes(random, 32);
            byte[] pub = x25519.publicKey(secret);
            NodeAddress address = address(spec.ipv6(), i);
            long delay = spec.delay() == -1L ? -1L : spec.delay() + i;
            secrets.add(secret);
            route.add(new RouteHop(pub, address, delay));
            routeJson.add(Json.createObjectBuilder().add("hop", i).add("private_key_hex", hex(secret))
                    .add("public_key_hex", hex(pub)).add("address_hex", hex(address.encode()))
                    .add("address_decoded", address.toString()).add("delay_nanos", unsigned(delay)));
        }
        byte[] destination = bytes(random, 32);
        byte[] surbId = bytes(random, 16);
        byte[] message = bytes(random, spec.messageLength());
        byte[] initialSecret = bytes(random, 32);
        byte[] padding = bytes(random, SphinxPacketBuilder.finalHopPaddingLength(spec.hops()));
        byte[] packet = new SphinxPacketBuilder(crypto).build(spec.version(), spec.size().payloadLength(), route,
                destination, surbId, message, initialSecret, padding);

        JsonArrayBuilder senderKeys = Json.createArrayBuilder();
        JsonArrayBuilder hops = Json.createArrayBuilder();
        SphinxProcessor processor = new SphinxProcessor(crypto);
        byte[] input = packet;
        for (int i = 0; i < spec.hops(); i++) {
            byte[] okm = okm(secrets.get(i), input);
            byte[] derived = new byte[Lioness.KEY_LENGTH];
            new KeyDerivation(crypto).derivePayloadKey(okm, derived);
            byte[] used = KeyDerivation.usesRawPayloadKey(spec.version()) ? slice(okm, 32, 224) : derived;
            senderKeys.add(Json.createObjectBuilder().add("stream_cipher_key_hex", hex(slice(okm, 0, 16)))
                    .add("header_mac_key_hex", hex(slice(okm, 16, 32))).add("payload_key_seed_hex", hex(slice(okm, 32, 48)))
                    .add("payload_key_used_hex", hex(used)).add("blinding_factor_hex", hex(slice(okm, 224, 256))));
            JsonObjectBuilder hop = Json.createObjectBuilder().add("hop", i)
                    .add("input_packet_sha256", hex(sha256(input))).add("input_alpha_hex", hex(slice(input, 0, 32)))
                    .add("keys", keys(secrets.get(i), input, okm, derived)).add("routing_version", spec.version());
            HopResult result = processor.process(input.clone(), secrets.get(i), ReplayGuard.NONE);
            switch (result) {
                case HopResult.Forward f -> {
                    byte[] delay = new byte[8];
                    long d = route.get(i).delayNanos();
                    for (int b = 7; b >= 0; b--, d >>>= 8) delay[b] = (byte) d;
                    hop.add("result", "forward").add("next_hop_address_hex", hex(route.get(i + 1).address().encode()))
                            .add("next_hop_address_decoded", f.nextHop().toString())
                            .add("delay_nanos", unsigned(route.get(i).delayNanos())).add("delay_be_u64_hex", hex(delay))
                            .add("next_alpha_hex", hex(slice(f.packet(), 0, 32))).add("output_packet_hex", hex(f.packet()));
                    input = f.packet();
                }
                case HopResult.Final f -> hop.add("result", "final").add("destination_hex", hex(f.destination()))
                        .add("identifier_hex", hex(f.surbId())).add("final_payload_hex", hex(f.payload()))
                        .add("recovered_plaintext_hex", hex(f.plaintext().orElseThrow()));
                case HopResult.Rejected r -> throw new IllegalStateException(spec.name() + " hop " + i + ": " + r.reason());
            }
            hops.add(hop);
        }
        return Json.createObjectBuilder().add("name", spec.name()).add("sphinx_version", spec.version())
                .add("sphinx_version_bytes_hex", hex(new byte[] {0, (byte) (spec.version() >> 8), (byte) spec.version()}))
                .add("packet_size_name", spec.size().name().toLowerCase(java.util.Locale.ROOT))
                .add("sphinx_payload_size", spec.size().payloadLength()).add("packet_len", packet.length)
                .add("initial_secret_hex", hex(initialSecret)).add("initial_alpha_hex", hex(x25519.publicKey(initialSecret)))
                .add("route", routeJson)
                .add("destination", Json.createObjectBuilder().add("address_hex", hex(destination)).add("identifier_hex", hex(surbId)))
                .add("final_hop_padding_hex", hex(padding)).add("message_hex", hex(message)).add("packet_hex", hex(packet))
                .add("sender_keys", senderKeys).add("hops", hops).build();
    }

    private byte[] okm(byte[] secret, byte[] packet) {
        byte[] dh = new byte[32];
        crypto.newDh().scalarMult(secret, 0, packet, 0, dh, 0);
        byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
        new KeyDerivation(crypto).expand(dh, okm);
        return okm;
    }

    private JsonObjectBuilder keys(byte[] secret, byte[] packet, byte[] okm, byte[] derived) {
        byte[] dh = new byte[32];
        crypto.newDh().scalarMult(secret, 0, packet, 0, dh, 0);
        return Json.createObjectBuilder().add("dh_output_hex", hex(dh)).add("hkdf_okm_288_hex", hex(okm))
                .add("stream_cipher_key_hex", hex(slice(okm, 0, 16))).add("header_mac_key_hex", hex(slice(okm, 16, 32)))
                .add("legacy_payload_key_192_hex", hex(slice(okm, 32, 224))).add("payload_key_seed_hex", hex(slice(okm, 32, 48)))
                .add("derived_payload_key_192_hex", hex(derived)).add("blinding_factor_hex", hex(slice(okm, 224, 256)))
                .add("replay_tag_hex", hex(slice(okm, 256, 288)));
    }

    private static NodeAddress address(boolean ipv6, int hop) {
        try {
            byte[] raw = ipv6 ? new byte[16] : new byte[] {10, 1, 0, 0};
            if (ipv6) {
                raw[0] = 0x20;
                raw[1] = 0x01;
                raw[2] = 0x0d;
                raw[3] = (byte) 0xb8;
            }
            raw[raw.length - 1] = (byte) (hop + 1);
            return new NodeAddress(new InetSocketAddress(InetAddress.getByAddress(raw), 1789 + hop));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    private static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
