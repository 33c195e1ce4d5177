package network.mask.node.wire;

/** A complete Sphinx frame read from a peer: its header, the packet bytes, and when it arrived. */
public record InboundFrame(FrameHeader header, byte[] packet, long receivedNanos) implements ReceivedFrame {}
