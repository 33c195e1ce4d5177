package network.mask.node.sphinx;

/**
 * Consulted by {@link SphinxProcessor} after the header MAC has verified and before the costly
 * rest of the hop (blinding and payload decryption), as nym-node does.
 */
@FunctionalInterface
public interface ReplayGuard {

    /** Accepts every packet: for tests, tools and vector checks. */
    ReplayGuard NONE = tag -> true;

    /**
     * Records the 32-byte replay tag and answers whether it was new. Returning {@code false}
     * rejects the packet with {@link RejectReason#REPLAYED}. The array is only valid during the call.
     */
    boolean markSeen(byte[] replayTag);
}
