package network.mask.node.sphinx;

import java.util.Arrays;
import java.util.Optional;

/** Payload padding (spec §7.2): {@code 0^16 || message || 0x01 || 0^*}. */
public final class SphinxPayload {

    private static final int ZERO_PREFIX = SphinxConstants.SECURITY_PARAMETER;

    private SphinxPayload() {}

    /** Strips {@code 0^16 || message || 0x01 || 0^*}; empty if the padding is not exactly that. */
    public static Optional<byte[]> recoverPlaintext(byte[] payload) {
        if (payload == null || payload.length < SphinxConstants.PAYLOAD_OVERHEAD_SIZE) return Optional.empty();
        for (int i = 0; i < ZERO_PREFIX; i++) {
            if (payload[i] != 0) return Optional.empty();
        }
        int end = payload.length - 1;
        while (end >= ZERO_PREFIX && payload[end] == 0) end--;
        if (end < ZERO_PREFIX || payload[end] != 1) return Optional.empty();
        return Optional.of(Arrays.copyOfRange(payload, ZERO_PREFIX, end));
    }

    /**
     * The padded plaintext of {@code payloadLength} bytes for {@code message}.
     *
     * @throws IllegalArgumentException if the message does not fit ({@code payloadLength - 17} bytes at most)
     */
    public static byte[] encode(byte[] message, int payloadLength) {
        int max = payloadLength - SphinxConstants.PAYLOAD_OVERHEAD_SIZE;
        if (message.length > max) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds " + max);
        }
        byte[] payload = new byte[payloadLength];
        System.arraycopy(message, 0, payload, ZERO_PREFIX, message.length);
        payload[ZERO_PREFIX + message.length] = 1;
        return payload;
    }
}
