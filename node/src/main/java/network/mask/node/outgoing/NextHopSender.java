package network.mask.node.outgoing;

import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.wire.KeyRotation;

/** Where the scheduler hands a packet whose delay is over. */
@FunctionalInterface
public interface NextHopSender {
    /** Queues {@code packet} for {@code nextHop}; never blocks, drops (counted) when it must. */
    void send(NodeAddress nextHop, PacketSize size, KeyRotation rotation, byte[] packet);

    /**
     * Queues an Outfox {@code packet} for {@code nextHop} in a type-2 frame with this size tag and
     * rotation "unknown". Only the egress router sends Outfox; other senders refuse.
     */
    default void sendOutfox(NodeAddress nextHop, int sizeTag, byte[] packet) {
        throw new UnsupportedOperationException("this sender forwards Sphinx packets only");
    }
}
