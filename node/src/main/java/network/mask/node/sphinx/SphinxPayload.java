package network.mask.node.sphinx;

import java.util.Optional;

/** Payload padding (spec §7.2). */
public final class SphinxPayload {
    private SphinxPayload() {}

    /** Strips {@code 0^16 || message || 0x01 || 0^*}; empty if the padding is not exactly that. */
    public static Optional<byte[]> recoverPlaintext(byte[] payload) {
        throw new UnsupportedOperationException("TODO(sphinx)");
    }
}
