package network.mask.node.outfox;

import java.util.Optional;

/** What one Outfox hop makes of one packet. Bad input is a {@link Rejected}, never an exception. */
public sealed interface OutfoxResult permits OutfoxResult.Forward, OutfoxResult.Final, OutfoxResult.Rejected {

    /** Send {@code packet} (same length as the input) to the node whose 32-byte routing address is {@code nextHop}. */
    record Forward(byte[] nextHop, byte[] packet) implements OutfoxResult {}

    /**
     * This hop removed the last layer: {@code destination} is the recipient's 32-byte address and
     * {@link #plaintext()} the sender's bytes, or empty when the magic bytes are missing (Lion is
     * unauthenticated: a tampered payload only shows here).
     */
    record Final(byte[] destination, byte[] payload) implements OutfoxResult {
        public Optional<byte[]> plaintext() {
            return OutfoxLayout.recoverPlaintext(payload);
        }
    }

    record Rejected(OutfoxError error) implements OutfoxResult {}
}
