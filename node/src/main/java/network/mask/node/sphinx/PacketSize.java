package network.mask.node.sphinx;

/**
 * The Sphinx packet sizes Nym uses on the wire (spec §3). The tag is the byte the framing
 * header carries; {@link #packetLength()} is the full Sphinx packet (header + payload).
 */
public enum PacketSize {
    REGULAR(1, 2048),
    ACK(2, 21),
    EXTENDED32(3, 32768),
    EXTENDED8(4, 8192),
    EXTENDED16(5, 16384);

    private final int tag;
    private final int plaintextLength;

    PacketSize(int tag, int plaintextLength) {
        this.tag = tag;
        this.plaintextLength = plaintextLength;
    }

    public int tag() { return tag; }

    /** Bytes of sender plaintext the packet carries. */
    public int plaintextLength() { return plaintextLength; }

    /** Payload bytes after the header: plaintext + 17 bytes of padding overhead. */
    public int payloadLength() { return plaintextLength + SphinxConstants.PAYLOAD_OVERHEAD_SIZE; }

    /** The whole Sphinx packet, without framing. */
    public int packetLength() { return SphinxConstants.HEADER_SIZE + payloadLength(); }

    /** The size with this framing tag, or {@code null}. */
    public static PacketSize fromTag(int tag) {
        for (PacketSize size : values()) {
            if (size.tag == tag) return size;
        }
        return null;
    }

    /** The size whose packet length is exactly {@code length}, or {@code null}. */
    public static PacketSize fromPacketLength(int length) {
        for (PacketSize size : values()) {
            if (size.packetLength() == length) return size;
        }
        return null;
    }
}
