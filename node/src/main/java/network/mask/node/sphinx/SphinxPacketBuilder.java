package network.mask.node.sphinx;

import java.util.List;

/** Builds Sphinx packets for routes of 1 to 5 hops (spec §10). One instance per thread. */
public final class SphinxPacketBuilder {

    /**
     * Builds a packet with fresh randomness (initial secret and final-hop padding).
     *
     * @param routingVersion 258 or 259
     * @param route hops in path order; the last hop's delay is not encoded
     * @param destination 32 bytes, {@code surbId} 16 bytes
     * @param message at most {@code size.plaintextLength()} bytes
     */
    public byte[] build(int routingVersion, PacketSize size, List<RouteHop> route,
                        byte[] destination, byte[] surbId, byte[] message) {
        throw new UnsupportedOperationException("TODO(sphinx)");
    }
}
