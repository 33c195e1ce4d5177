package network.mask.node.sphinx;

import static network.mask.node.sphinx.SphinxConstants.ALPHA_SIZE;
import static network.mask.node.sphinx.SphinxConstants.HEADER_SIZE;
import static network.mask.node.sphinx.SphinxConstants.MAC_SIZE;
import static network.mask.node.sphinx.SphinxConstants.MIN_PACKET_LENGTH;
import static network.mask.node.sphinx.SphinxConstants.ROUTING_INFO_SIZE;
import static network.mask.node.sphinx.SphinxConstants.SLOT_SIZE;
import static network.mask.node.sphinx.SphinxConstants.STREAM_CIPHER_OUTPUT_LENGTH;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import network.mask.node.sphinx.crypto.AesCtr;
import network.mask.node.sphinx.crypto.HmacSha256;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;

/**
 * Processes one hop (spec §6). Holds scratch buffers and per-thread crypto objects, so one
 * instance per thread; get instances from {@link SphinxEngines#processor()}.
 *
 * <p>Order of checks: length, group element (X25519 result not all zero), header MAC, replay
 * tag, routing flag, next-hop address; only then blinding and the Lioness payload layer. Every
 * rejection up to and including the routing checks leaves {@code packet} untouched, so after
 * {@link RejectReason#BAD_MAC} a caller may retry the same array with its secondary key. The
 * replay guard only sees packets whose MAC verified under the key given.
 */
public final class SphinxProcessor {

    private static final System.Logger LOG = System.getLogger(SphinxProcessor.class.getName());
    private static final int GAMMA_OFFSET = ALPHA_SIZE;
    private static final int BETA_OFFSET = ALPHA_SIZE + MAC_SIZE;
    private static final int FLAG_FORWARD = 1;
    private static final int FLAG_FINAL = 2;
    private static final HopResult.Rejected[] REJECTIONS = Arrays.stream(RejectReason.values())
            .map(HopResult.Rejected::new).toArray(HopResult.Rejected[]::new);

    private final X25519 dh;
    private final X25519 blinding;
    private final KeyDerivation kdf;
    private final AesCtr aes;
    private final HmacSha256 hmac;
    private final Lioness lioness;

    private final byte[] sharedSecret = new byte[32];
    private final byte[] okm = new byte[KeyDerivation.OKM_LENGTH];
    private final byte[] mac = new byte[HmacSha256.LENGTH];
    private final byte[] computedGamma = new byte[MAC_SIZE];
    private final byte[] receivedGamma = new byte[MAC_SIZE];
    private final byte[] replayTag = new byte[SphinxConstants.REPLAY_TAG_SIZE];
    private final byte[] routing = new byte[STREAM_CIPHER_OUTPUT_LENGTH];
    private final byte[] payloadKey = new byte[Lioness.KEY_LENGTH];
    private final byte[] nextAlpha = new byte[ALPHA_SIZE];
    private boolean internalFailureLogged;

    /** With {@link SphinxEngines#preferred()}'s backends. */
    public SphinxProcessor() {
        this(SphinxEngines.preferred().crypto());
    }

    public SphinxProcessor(SphinxCrypto crypto) {
        dh = crypto.newDh();
        blinding = crypto.newBlinding();
        kdf = new KeyDerivation(crypto);
        aes = crypto.newAesCtr();
        hmac = crypto.newHmac();
        lioness = new Lioness(crypto);
    }

    /**
     * Unwraps one layer of {@code packet} with the node's raw 32-byte X25519 private key.
     *
     * <p>The packet array is consumed: a {@link HopResult.Forward} returns the same array,
     * rewritten in place, as its output packet; after a {@link HopResult.Final} its content is
     * unspecified (the result holds copies). Never throws on bad packet content.
     *
     * @throws IllegalArgumentException if {@code nodePrivateKey} is not 32 bytes (a caller bug, not bad input)
     */
    public HopResult process(byte[] packet, byte[] nodePrivateKey, ReplayGuard replayGuard) {
        if (nodePrivateKey == null || nodePrivateKey.length != 32) {
            throw new IllegalArgumentException("node private key must be 32 bytes");
        }
        Objects.requireNonNull(replayGuard, "replayGuard");
        if (packet == null || packet.length < MIN_PACKET_LENGTH) return reject(RejectReason.WRONG_LENGTH);
        // Lioness needs a non-empty right half; upstream fails such payloads with InvalidPayload.
        if (packet.length - HEADER_SIZE < Lioness.MIN_BLOCK) return reject(RejectReason.MALFORMED);
        HopResult rejected;
        try {
            rejected = verifyHeader(packet, nodePrivateKey);
        } catch (RuntimeException e) {
            return internalFailure(e);
        }
        if (rejected != null) return rejected;
        // Outside the catch: a failing guard is the caller's bug, not a bad packet.
        if (!replayGuard.markSeen(replayTag)) return reject(RejectReason.REPLAYED);
        try {
            return route(packet);
        } catch (RuntimeException e) {
            return internalFailure(e);
        }
    }

    /** Group element and MAC; leaves the replay tag in {@link #replayTag}. Returns {@code null} when both pass. */
    private HopResult verifyHeader(byte[] packet, byte[] nodePrivateKey) {
        if (!dh.scalarMult(nodePrivateKey, 0, packet, 0, sharedSecret, 0)) return reject(RejectReason.BAD_GROUP_ELEMENT);
        kdf.expand(sharedSecret, okm);
        hmac.mac(okm, KeyDerivation.MAC_KEY, KeyDerivation.MAC_KEY_LENGTH, packet, BETA_OFFSET, ROUTING_INFO_SIZE, mac, 0);
        System.arraycopy(mac, 0, computedGamma, 0, MAC_SIZE);
        System.arraycopy(packet, GAMMA_OFFSET, receivedGamma, 0, MAC_SIZE);
        if (!MessageDigest.isEqual(computedGamma, receivedGamma)) return reject(RejectReason.BAD_MAC);
        System.arraycopy(okm, KeyDerivation.REPLAY_TAG, replayTag, 0, replayTag.length);
        return null;
    }

    /** P = (beta || 0^60) XOR keystream(360); the flag in P[0] says what this hop is. */
    private HopResult route(byte[] packet) {
        System.arraycopy(packet, BETA_OFFSET, routing, 0, ROUTING_INFO_SIZE);
        Arrays.fill(routing, ROUTING_INFO_SIZE, STREAM_CIPHER_OUTPUT_LENGTH, (byte) 0);
        aes.xor(okm, KeyDerivation.STREAM_KEY, routing, 0, STREAM_CIPHER_OUTPUT_LENGTH);
        return switch (routing[RoutingLayout.FLAG]) {
            case FLAG_FORWARD -> forward(packet);
            case FLAG_FINAL -> finalHop(packet);
            default -> reject(RejectReason.UNKNOWN_FLAG);
        };
    }

    /** Only a broken backend gets here; packet content cannot. Drop rather than kill the worker. */
    private HopResult internalFailure(RuntimeException e) {
        if (!internalFailureLogged) {
            internalFailureLogged = true;
            LOG.log(System.Logger.Level.ERROR, "Sphinx processing failed internally; packet dropped", e);
        }
        return reject(RejectReason.MALFORMED);
    }

    /** P[4..36) next hop, P[36..44) delay, P[44..60) next gamma, P[60..360) next beta. */
    private HopResult forward(byte[] packet) {
        NodeAddress next = NodeAddress.decode(routing, RoutingLayout.ADDRESS);
        if (next == null) return reject(RejectReason.MALFORMED);
        long delay = RoutingLayout.readDelay(routing);
        if (!blinding.scalarMult(okm, KeyDerivation.BLINDING_FACTOR, packet, 0, nextAlpha, 0)) {
            return reject(RejectReason.BAD_GROUP_ELEMENT); // unreachable: alpha passed the DH check
        }
        removePayloadLayer(packet);
        System.arraycopy(nextAlpha, 0, packet, 0, ALPHA_SIZE);
        System.arraycopy(routing, SphinxConstants.NODE_META_INFO_SIZE, packet, GAMMA_OFFSET, MAC_SIZE);
        System.arraycopy(routing, SLOT_SIZE, packet, BETA_OFFSET, ROUTING_INFO_SIZE);
        return new HopResult.Forward(next, delay, packet);
    }

    /** P[4..36) destination, P[36..52) SURB id, then padding. */
    private HopResult finalHop(byte[] packet) {
        removePayloadLayer(packet);
        return new HopResult.Final(
                Arrays.copyOfRange(routing, RoutingLayout.ADDRESS, RoutingLayout.ADDRESS + SphinxConstants.DESTINATION_LENGTH),
                Arrays.copyOfRange(routing, RoutingLayout.SURB_ID, RoutingLayout.SURB_ID + SphinxConstants.SURB_ID_LENGTH),
                Arrays.copyOfRange(packet, HEADER_SIZE, packet.length));
    }

    private void removePayloadLayer(byte[] packet) {
        int version = RoutingLayout.readVersion(routing);
        if (KeyDerivation.usesRawPayloadKey(version)) {
            lioness.decrypt(okm, KeyDerivation.PAYLOAD_KEY, packet, HEADER_SIZE, packet.length - HEADER_SIZE);
        } else {
            kdf.derivePayloadKey(okm, payloadKey);
            lioness.decrypt(payloadKey, 0, packet, HEADER_SIZE, packet.length - HEADER_SIZE);
        }
    }

    private static HopResult reject(RejectReason reason) {
        return REJECTIONS[reason.ordinal()];
    }
}
