package network.mask.node.wire;

/**
 * A complete frame of packet type 2 (Outfox) read from a peer. {@code sizeTag} is the header's
 * size byte, kept so the forwarded frame names the same size (the packet keeps its length);
 * {@code rotation} says which Sphinx key opens it ({@code nym-node/src/node/mixnet/handler.rs}).
 */
public record OutfoxFrame(int sizeTag, KeyRotation rotation, byte[] packet, long receivedNanos) implements ReceivedFrame {}
