package network.mask.node.sphinx;

import java.util.Optional;

/** What one hop makes of one packet. Bad input is a {@link Rejected}, never an exception. */
public sealed interface HopResult permits HopResult.Forward, HopResult.Final, HopResult.Rejected {

    /**
     * Forward {@code packet} (same length as the input) to {@code nextHop} after {@code delayNanos}.
     * The delay is the sender's unsigned u64 nanoseconds; values above {@link Long#MAX_VALUE} are
     * reported as {@link Long#MAX_VALUE}, so callers only ever cap downwards.
     */
    record Forward(NodeAddress nextHop, long delayNanos, byte[] packet) implements HopResult {}

    /**
     * This hop is the last: {@code payload} is the payload with this hop's layer removed,
     * still padded. {@link #plaintext()} strips the padding, or is empty when the padding is
     * invalid (a tampered payload only shows here; Lioness is unauthenticated).
     */
    record Final(byte[] destination, byte[] surbId, byte[] payload) implements HopResult {
        public Optional<byte[]> plaintext() {
            return SphinxPayload.recoverPlaintext(payload);
        }
    }

    /** The packet is dropped; {@code reason} says why, for counters and logs. */
    record Rejected(RejectReason reason) implements HopResult {}
}
