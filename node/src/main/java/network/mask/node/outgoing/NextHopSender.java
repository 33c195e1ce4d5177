package network.mask.node.outgoing;

import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.wire.KeyRotation;

/** Where the scheduler hands a packet whose delay is over. */
@FunctionalInterface
public interface NextHopSender {
    /** Queues {@code packet} for {@code nextHop}; never blocks, drops (counted) when it must. */
    void send(NodeAddress nextHop, PacketSize size, KeyRotation rotation, byte[] packet);
}
