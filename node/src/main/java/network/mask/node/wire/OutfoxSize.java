package network.mask.node.wire;

/**
 * The Outfox packet sizes a frame's size tag can name (tags 6 and 7,
 * {@code common/nymsphinx/params/src/packet_sizes.rs}): {@code outfox_regular} = 2048 + 329 and
 * {@code outfox_ack} = 48 + 329 bytes, 329 being Outfox's overhead ({@code nym-outfox/src/constants.rs}:
 * 6 + (32 + 16 + 32) * 4 + 3). Frames of these sizes are Outfox packets ({@code network.mask.node.outfox}).
 */
public enum OutfoxSize {
    REGULAR(6, 2048 + 329),
    ACK(7, 48 + 329);

    private final int tag;
    private final int packetLength;

    OutfoxSize(int tag, int packetLength) {
        this.tag = tag;
        this.packetLength = packetLength;
    }

    public int tag() {
        return tag;
    }

    public int packetLength() {
        return packetLength;
    }

    /** The Outfox size with this tag, or {@code null}. */
    public static OutfoxSize fromTag(int tag) {
        for (OutfoxSize s : values()) if (s.tag == tag) return s;
        return null;
    }
}
