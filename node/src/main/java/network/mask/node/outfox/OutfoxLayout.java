package network.mask.node.outfox;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where things are in an Outfox packet ({@code nym-outfox/src/format.rs}, {@code constants.rs},
 * {@code packet.rs}):
 * <pre>
 * params (6): routing length per stage r0..r3 (32, or 0 once removed), payload length (u16 LE)
 * then 4 stages outermost first, each public element (32) | Poly1305 tag (16) | routing (32),
 * then the payload (Lion-encrypted per layer).
 * </pre>
 * Stage {@code i} (0 = innermost, the gateway's) starts at {@code 80 * (3 - i)} after the
 * parameters; its AEAD covers its routing bytes and every inner stage.
 */
public final class OutfoxLayout {

    public static final int PARAMS_LENGTH = 6;
    public static final int HOPS = 4;
    public static final int GROUP_ELEMENT = 32;
    public static final int TAG = 16;
    public static final int ROUTING = 32;
    public static final int STAGE = GROUP_ELEMENT + TAG + ROUTING;
    /** Lion needs 24 bytes of nonce plus at least 24 to encrypt (lion.rs MIN_MESSAGE_LEN). */
    public static final int MIN_PAYLOAD = 48;
    /** "ofx": marks where the sender's bytes start after the zero padding (constants.rs MAGIC_SLICE). */
    static final byte[] MAGIC = {111, 102, 120};

    private OutfoxLayout() {}

    /** The whole packet length for a payload length: parameters, four stages, payload. */
    public static int packetLength(int payloadLength) {
        return PARAMS_LENGTH + HOPS * STAGE + payloadLength;
    }

    /** Offset of stage {@code layer}'s public element in the packet. */
    static int stageOffset(int layer) {
        return PARAMS_LENGTH + STAGE * (HOPS - 1 - layer);
    }

    /** Bytes under stage {@code layer}'s AEAD: its routing and every inner stage. */
    static int headerLength(int layer) {
        return ROUTING + STAGE * layer;
    }

    /**
     * The sender's bytes from a final payload: leading zeros dropped, then the magic bytes must
     * follow ({@code packet.rs recover_plaintext}).
     */
    static Optional<byte[]> recoverPlaintext(byte[] payload) {
        int i = 0;
        while (i < payload.length && payload[i] == 0) i++;
        if (payload.length - i < MAGIC.length) return Optional.empty();
        if (!Arrays.equals(payload, i, i + MAGIC.length, MAGIC, 0, MAGIC.length)) return Optional.empty();
        return Optional.of(Arrays.copyOfRange(payload, i + MAGIC.length, payload.length));
    }
}
