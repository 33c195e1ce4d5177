package network.mask.node.wire;

/** A complete frame read from a peer, waiting for a worker: Sphinx or Outfox. */
public sealed interface ReceivedFrame permits InboundFrame, OutfoxFrame {
    byte[] packet();

    long receivedNanos();
}
