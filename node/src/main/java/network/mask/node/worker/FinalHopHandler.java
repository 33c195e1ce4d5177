package network.mask.node.worker;

import network.mask.node.sphinx.HopResult;
import network.mask.node.wire.InboundFrame;

/**
 * Takes packets for which this node is the last hop. A mixnode has none (it is not a gateway,
 * so such packets are dropped and counted); the local mixnet's sink installs one.
 * Called on worker threads; must be quick.
 */
@FunctionalInterface
public interface FinalHopHandler {
    void accept(HopResult.Final packet, InboundFrame frame);
}
