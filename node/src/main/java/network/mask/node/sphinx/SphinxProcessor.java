package network.mask.node.sphinx;

/**
 * Processes one hop (spec §6). Holds scratch buffers, so one instance per thread.
 */
public final class SphinxProcessor {

    /**
     * Unwraps one layer of {@code packet} with the node's raw 32-byte X25519 private key.
     * The packet array may be overwritten: a {@link HopResult.Forward} may return it, re-used
     * in place, as its output packet. Never throws on bad input.
     */
    public HopResult process(byte[] packet, byte[] nodePrivateKey, ReplayGuard replayGuard) {
        throw new UnsupportedOperationException("TODO(sphinx)");
    }
}
