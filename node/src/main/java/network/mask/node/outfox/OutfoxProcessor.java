package network.mask.node.outfox;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * Removes one Outfox layer as a nym-node does ({@code nym-outfox/src/packet.rs decode_next_layer},
 * {@code format.rs decode_mix_layer}): the outermost stage still marked in the parameters is
 * opened with X25519(node key, stage public element) as the key of ChaCha20-Poly1305 (zero nonce,
 * no associated data, detached tag) over the stage's routing and inner stages, and of Lion over the
 * payload; the stage's routing length becomes 0. When no stage is left marked the packet has
 * reached its last hop and the routing bytes are the recipient. The packet never changes length.
 * <p>
 * The input is never modified; a refused packet leaves nothing half-written. One instance per
 * thread (scratch buffers).
 */
public final class OutfoxProcessor {

    private static final byte[] ZERO_NONCE = new byte[12];

    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    private final Lion lion = new Lion();
    private final byte[] shared = new byte[32];
    private final byte[] sealed = new byte[OutfoxLayout.headerLength(OutfoxLayout.HOPS - 1) + OutfoxLayout.TAG];
    private final byte[] opened = new byte[sealed.length];

    /** Processes {@code packet} with the node's 32-byte x25519 private key. */
    public OutfoxResult process(byte[] packet, byte[] privateKey) {
        if (packet.length < OutfoxLayout.packetLength(OutfoxLayout.MIN_PAYLOAD)) return reject(OutfoxError.WRONG_LENGTH);
        int payloadLength = (packet[4] & 0xFF) | (packet[5] & 0xFF) << 8;
        if (payloadLength < OutfoxLayout.MIN_PAYLOAD || packet.length != OutfoxLayout.packetLength(payloadLength)) {
            return reject(OutfoxError.WRONG_LENGTH);
        }
        int layer = outermostLayer(packet);
        if (layer < 0) return reject(OutfoxError.BAD_PARAMETERS);

        int stage = OutfoxLayout.stageOffset(layer);
        int tagAt = stage + OutfoxLayout.GROUP_ELEMENT;
        int headerAt = tagAt + OutfoxLayout.TAG;
        int headerLength = OutfoxLayout.headerLength(layer);
        try {
            if (!X25519.calculateAgreement(privateKey, 0, packet, stage, shared, 0)) {
                return reject(OutfoxError.BAD_GROUP_ELEMENT);
            }
            // BouncyCastle's AEAD wants ciphertext then tag; the packet holds the tag first.
            System.arraycopy(packet, headerAt, sealed, 0, headerLength);
            System.arraycopy(packet, tagAt, sealed, headerLength, OutfoxLayout.TAG);
            aead.init(false, new AEADParameters(new KeyParameter(shared), OutfoxLayout.TAG * 8, ZERO_NONCE));
            int n = aead.processBytes(sealed, 0, headerLength + OutfoxLayout.TAG, opened, 0);
            aead.doFinal(opened, n);   // verifies the tag (constant time) before anything is used
        } catch (InvalidCipherTextException e) {
            Arrays.fill(shared, (byte) 0);
            return reject(OutfoxError.BAD_TAG);
        } finally {
            Arrays.fill(sealed, (byte) 0);
        }

        byte[] out = packet.clone();
        System.arraycopy(opened, 0, out, headerAt, headerLength);
        Arrays.fill(opened, (byte) 0);
        int payloadAt = out.length - payloadLength;
        lion.decrypt(out, payloadAt, payloadLength, shared);
        Arrays.fill(shared, (byte) 0);
        out[layer] = 0;   // packet.rs update_routing_information: this stage is done

        byte[] routing = Arrays.copyOfRange(out, headerAt, headerAt + OutfoxLayout.ROUTING);
        if (layer == 0) return new OutfoxResult.Final(routing, Arrays.copyOfRange(out, payloadAt, out.length));
        return new OutfoxResult.Forward(routing, out);
    }

    /**
     * The stage to open: the highest-numbered one still marked 32. Nym builds the marks as 32s
     * followed by 0s; anything else (other lengths, gaps, all 0) is refused here.
     */
    private static int outermostLayer(byte[] packet) {
        int marked = 0;
        while (marked < OutfoxLayout.HOPS && (packet[marked] & 0xFF) == OutfoxLayout.ROUTING) marked++;
        for (int i = marked; i < OutfoxLayout.HOPS; i++) if (packet[i] != 0) return -1;
        return marked - 1;
    }

    private static OutfoxResult reject(OutfoxError error) {
        return new OutfoxResult.Rejected(error);
    }
}
