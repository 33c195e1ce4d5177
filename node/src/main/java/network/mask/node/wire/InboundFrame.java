package network.mask.node.wire;

/** A complete frame read from a peer: its header, the packet bytes, and when it arrived. */
public record InboundFrame(FrameHeader header, byte[] packet, long receivedNanos) {}
