package network.mask.node.sphinx;

import static network.mask.node.sphinx.SphinxConstants.ALPHA_SIZE;
import static network.mask.node.sphinx.SphinxConstants.FINAL_NODE_META_INFO_LENGTH;
import static network.mask.node.sphinx.SphinxConstants.HEADER_SIZE;
import static network.mask.node.sphinx.SphinxConstants.MAC_SIZE;
import static network.mask.node.sphinx.SphinxConstants.MAX_PATH_LENGTH;
import static network.mask.node.sphinx.SphinxConstants.ROUTING_INFO_SIZE;
import static network.mask.node.sphinx.SphinxConstants.SLOT_SIZE;
import static network.mask.node.sphinx.SphinxConstants.STREAM_CIPHER_OUTPUT_LENGTH;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import network.mask.node.sphinx.crypto.AesCtr;
import network.mask.node.sphinx.crypto.HmacSha256;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;

/**
 * Builds Sphinx packets for routes of 1 to 5 hops (spec §10). One instance per thread; get
 * instances from {@link SphinxEngines#builder()}. Invalid arguments are caller bugs and throw
 * {@link IllegalArgumentException}.
 */
public final class SphinxPacketBuilder {

    private static final int FORWARD_FLAG = 1;
    private static final int FINAL_FLAG = 2;
    /** Routing info a forward slot carries over from the next hop's beta. */
    private static final int TRUNCATED_ROUTING_INFO = ROUTING_INFO_SIZE - SLOT_SIZE;

    private final X25519 x25519;
    private final KeyDerivation kdf;
    private final AesCtr aes;
    private final HmacSha256 hmac;
    private final Lioness lioness;
    private final SecureRandom random;

    private final byte[][] okm = new byte[MAX_PATH_LENGTH][KeyDerivation.OKM_LENGTH];
    private final byte[][] keystream = new byte[MAX_PATH_LENGTH][STREAM_CIPHER_OUTPUT_LENGTH];
    private final byte[] point = new byte[32];
    private final byte[] next = new byte[32];
    private final byte[] mac = new byte[HmacSha256.LENGTH];
    private final byte[] gamma = new byte[MAC_SIZE];
    private final byte[] beta = new byte[ROUTING_INFO_SIZE];
    private final byte[] slot = new byte[ROUTING_INFO_SIZE];
    private final byte[] payloadKey = new byte[Lioness.KEY_LENGTH];

    /** With {@link SphinxEngines#preferred()}'s backends. */
    public SphinxPacketBuilder() {
        this(SphinxEngines.preferred().crypto());
    }

    public SphinxPacketBuilder(SphinxCrypto crypto) {
        this(crypto, new SecureRandom());
    }

    public SphinxPacketBuilder(SphinxCrypto crypto, SecureRandom random) {
        x25519 = crypto.newBlinding();
        kdf = new KeyDerivation(crypto);
        aes = crypto.newAesCtr();
        hmac = crypto.newHmac();
        lioness = new Lioness(crypto);
        this.random = random;
    }

    /**
     * Builds a packet with fresh randomness (initial secret and final-hop padding).
     *
     * @param routingVersion 258 or 259 (any version from 258 up; versions other than 258 use seed-derived payload keys)
     * @param route hops in path order; the last hop's delay is not encoded
     * @param destination 32 bytes, {@code surbId} 16 bytes
     * @param message at most {@code size.plaintextLength()} bytes
     */
    public byte[] build(int routingVersion, PacketSize size, List<RouteHop> route,
                        byte[] destination, byte[] surbId, byte[] message) {
        checkHops(route.size());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] padding = new byte[finalHopPaddingLength(route.size())];
        random.nextBytes(padding);
        return build(routingVersion, size.payloadLength(), route, destination, surbId, message, secret, padding);
    }

    /**
     * Deterministic variant for test vectors: the sender's raw initial secret (clamped on use) and
     * the final hop's routing padding ({@link #finalHopPaddingLength} bytes) are given.
     *
     * @param payloadLength Sphinx payload bytes after the header, e.g. {@link PacketSize#payloadLength()}
     */
    public byte[] build(int routingVersion, int payloadLength, List<RouteHop> route, byte[] destination,
                        byte[] surbId, byte[] message, byte[] initialSecret, byte[] finalHopPadding) {
        int hops = route.size();
        checkHops(hops);
        check(routingVersion >= SphinxConstants.VERSION_EXPLICIT_PAYLOAD_KEYS && routingVersion <= 0xffff,
                "routing version must be 258..65535 (legacy blinding is not implemented): " + routingVersion);
        check(destination.length == SphinxConstants.DESTINATION_LENGTH, "destination must be 32 bytes");
        check(surbId.length == SphinxConstants.SURB_ID_LENGTH, "SURB id must be 16 bytes");
        check(initialSecret.length == 32, "initial secret must be 32 bytes");
        check(finalHopPadding.length == finalHopPaddingLength(hops),
                "final-hop padding must be " + finalHopPaddingLength(hops) + " bytes");
        check(payloadLength >= Lioness.MIN_BLOCK, "payload length must be at least 33");
        byte[] payload = SphinxPayload.encode(message, payloadLength);
        for (RouteHop hop : route) check(hop.publicKey().length == 32, "public keys must be 32 bytes");

        byte[] packet = new byte[HEADER_SIZE + payloadLength];
        System.arraycopy(x25519.publicKey(initialSecret), 0, packet, 0, ALPHA_SIZE);
        deriveHopKeys(route, initialSecret);
        buildHeader(routingVersion, route, destination, surbId, finalHopPadding);
        System.arraycopy(gamma, 0, packet, ALPHA_SIZE, MAC_SIZE);
        System.arraycopy(beta, 0, packet, ALPHA_SIZE + MAC_SIZE, ROUTING_INFO_SIZE);

        for (int i = hops - 1; i >= 0; i--) {
            if (KeyDerivation.usesRawPayloadKey(routingVersion)) {
                lioness.encrypt(okm[i], KeyDerivation.PAYLOAD_KEY, payload, 0, payloadLength);
            } else {
                kdf.derivePayloadKey(okm[i], payloadKey);
                lioness.encrypt(payloadKey, 0, payload, 0, payloadLength);
            }
        }
        System.arraycopy(payload, 0, packet, HEADER_SIZE, payloadLength);
        return packet;
    }

    /** Random bytes after the final hop's 52 bytes of routing data: {@code 300 - 60·(n-1) - 52}. */
    public static int finalHopPaddingLength(int hops) {
        return ROUTING_INFO_SIZE - SLOT_SIZE * (hops - 1) - FINAL_NODE_META_INFO_LENGTH;
    }

    /**
     * Hop i's secret is {@code X25519(b_{i-1}, ... X25519(b_0, X25519(x, pk_i)))}: every step clamps,
     * so scalars cannot be multiplied together first.
     */
    private void deriveHopKeys(List<RouteHop> route, byte[] initialSecret) {
        for (int i = 0; i < route.size(); i++) {
            System.arraycopy(route.get(i).publicKey(), 0, point, 0, 32);
            check(x25519.scalarMult(initialSecret, 0, point, 0, next, 0), "hop " + i + " public key is of low order");
            for (int j = 0; j < i; j++) {
                System.arraycopy(next, 0, point, 0, 32);
                check(x25519.scalarMult(okm[j], KeyDerivation.BLINDING_FACTOR, point, 0, next, 0),
                        "hop " + i + " public key is of low order");
            }
            kdf.expand(next, okm[i]);
            Arrays.fill(keystream[i], (byte) 0);
            aes.xor(okm[i], KeyDerivation.STREAM_KEY, keystream[i], 0, STREAM_CIPHER_OUTPUT_LENGTH);
        }
    }

    /** Leaves hop 0's beta and gamma in {@link #beta} and {@link #gamma}. */
    private void buildHeader(int version, List<RouteHop> route, byte[] destination, byte[] surbId, byte[] padding) {
        int hops = route.size();
        int fillerLength = SLOT_SIZE * (hops - 1);
        int finalLength = ROUTING_INFO_SIZE - fillerLength;
        // Filler, built in place at beta[finalLength..300): for each hop j but the last, grow it by
        // 60 zero bytes and XOR it with the last 60·(j+1) bytes of hop j's keystream.
        Arrays.fill(beta, (byte) 0);
        for (int j = 0; j < hops - 1; j++) {
            int grown = SLOT_SIZE * (j + 1);
            byte[] ks = keystream[j];
            for (int b = 0; b < grown; b++) beta[finalLength + b] ^= ks[STREAM_CIPHER_OUTPUT_LENGTH - grown + b];
        }
        slot[0] = FINAL_FLAG;
        RoutingLayout.writeVersion(slot, 0, version);
        System.arraycopy(destination, 0, slot, RoutingLayout.ADDRESS, destination.length);
        System.arraycopy(surbId, 0, slot, RoutingLayout.SURB_ID, surbId.length);
        System.arraycopy(padding, 0, slot, FINAL_NODE_META_INFO_LENGTH, padding.length);
        byte[] ksLast = keystream[hops - 1];
        for (int b = 0; b < finalLength; b++) beta[b] = (byte) (slot[b] ^ ksLast[b]);
        macOf(okm[hops - 1]);

        for (int i = hops - 2; i >= 0; i--) {
            slot[0] = FORWARD_FLAG;
            RoutingLayout.writeVersion(slot, 0, version);
            route.get(i + 1).address().encodeInto(slot, RoutingLayout.ADDRESS);
            RoutingLayout.writeDelay(slot, 0, route.get(i).delayNanos());
            System.arraycopy(gamma, 0, slot, SphinxConstants.NODE_META_INFO_SIZE, MAC_SIZE);
            System.arraycopy(beta, 0, slot, SLOT_SIZE, TRUNCATED_ROUTING_INFO);
            byte[] ks = keystream[i];
            for (int b = 0; b < ROUTING_INFO_SIZE; b++) beta[b] = (byte) (slot[b] ^ ks[b]);
            macOf(okm[i]);
        }
    }

    private void macOf(byte[] hopOkm) {
        hmac.mac(hopOkm, KeyDerivation.MAC_KEY, KeyDerivation.MAC_KEY_LENGTH, beta, 0, ROUTING_INFO_SIZE, mac, 0);
        System.arraycopy(mac, 0, gamma, 0, MAC_SIZE);
    }

    private static void checkHops(int hops) {
        check(hops >= 1 && hops <= MAX_PATH_LENGTH, "route must have 1 to 5 hops, not " + hops);
    }

    private static void check(boolean condition, String message) {
        if (!condition) throw new IllegalArgumentException(message);
    }
}
