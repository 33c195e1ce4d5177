package network.mask.node.wire;

import network.mask.node.sphinx.PacketSize;

/**
 * A decoded framing header. The packet that follows is exactly {@code size.packetLength()} bytes:
 * Nym's framing has no length prefix, the size tag fixes the length.
 */
public record FrameHeader(FramingVersion version, PacketSize size, int packetType, KeyRotation rotation) {

    public static final int PACKET_TYPE_MIX = 0;
    public static final int PACKET_TYPE_OUTFOX = 2;

    /** Header plus packet. */
    public int frameLength() {
        return version.headerLength() + size.packetLength();
    }

    public boolean isSphinx() {
        return packetType == PACKET_TYPE_MIX;
    }
}
