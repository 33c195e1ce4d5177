package network.mask.node.incoming;

import java.net.InetAddress;

/**
 * Told once per inbound connection, when its first whole frame with a valid header arrives: the
 * evidence that a peer reached the node (the reachability log keeps it). Runs on an I/O thread,
 * so it must be quick and must not block.
 */
@FunctionalInterface
public interface FirstFrameWitness {

    FirstFrameWitness NONE = source -> { };

    void firstFrameFrom(InetAddress source);
}
