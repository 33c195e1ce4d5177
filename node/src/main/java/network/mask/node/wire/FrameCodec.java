package network.mask.node.wire;

import network.mask.node.sphinx.PacketSize;

/**
 * Nym's {@code FramedNymPacket} header (spec §9), over plain byte arrays so that both the Netty
 * pipeline and test tools can use it:
 * <pre>
 * v8: [0x08][size tag][packet type][key rotation] + packet
 * v7: [0x07][size tag][packet type]                + packet
 * </pre>
 */
public final class FrameCodec {

    /** The longest header of any version. */
    public static final int MAX_HEADER_LENGTH = 4;

    private FrameCodec() {}

    /**
     * The version named by a frame's first byte.
     *
     * @throws FramingException UNSUPPORTED_VERSION
     */
    public static FramingVersion version(int firstByte) throws FramingException {
        FramingVersion v = FramingVersion.of(firstByte & 0xFF);
        if (v == null) throw new FramingException(FrameError.UNSUPPORTED_VERSION, "framing version " + (firstByte & 0xFF));
        return v;
    }

    /**
     * Decodes a complete header from {@code header[offset..]} (at least {@code version.headerLength()}
     * bytes available) and checks the frame against {@code maxFrameLength}.
     */
    public static FrameHeader decode(byte[] header, int offset, int maxFrameLength) throws FramingException {
        FramingVersion version = version(header[offset]);
        int tag = header[offset + 1] & 0xFF;
        PacketSize size = PacketSize.fromTag(tag);
        if (size == null) throw new FramingException(FrameError.UNKNOWN_SIZE_TAG, "size tag " + tag);
        int type = header[offset + 2] & 0xFF;
        if (type != FrameHeader.PACKET_TYPE_MIX && type != FrameHeader.PACKET_TYPE_OUTFOX) {
            throw new FramingException(FrameError.UNKNOWN_PACKET_TYPE, "packet type " + type);
        }
        KeyRotation rotation = KeyRotation.UNKNOWN;
        if (version == FramingVersion.V8) {
            int r = header[offset + 3] & 0xFF;
            rotation = KeyRotation.ofWire(r);
            if (rotation == null) throw new FramingException(FrameError.UNKNOWN_KEY_ROTATION, "key rotation " + r);
        }
        FrameHeader decoded = new FrameHeader(version, size, type, rotation);
        if (decoded.frameLength() > maxFrameLength) {
            throw new FramingException(FrameError.FRAME_TOO_LARGE,
                    "frame of " + decoded.frameLength() + " bytes, cap is " + maxFrameLength);
        }
        return decoded;
    }

    /**
     * The whole length of a frame whose size tag names an Outfox size (6 or 7), after checking the
     * rest of its header as {@link #decode} does; -1 when the tag is not an Outfox one.
     */
    public static int outfoxFrameLength(byte[] header, int offset) throws FramingException {
        FramingVersion version = version(header[offset]);
        OutfoxSize size = OutfoxSize.fromTag(header[offset + 1] & 0xFF);
        if (size == null) return -1;
        int type = header[offset + 2] & 0xFF;
        if (type != FrameHeader.PACKET_TYPE_MIX && type != FrameHeader.PACKET_TYPE_OUTFOX) {
            throw new FramingException(FrameError.UNKNOWN_PACKET_TYPE, "packet type " + type);
        }
        if (version == FramingVersion.V8 && KeyRotation.ofWire(header[offset + 3] & 0xFF) == null) {
            throw new FramingException(FrameError.UNKNOWN_KEY_ROTATION, "key rotation " + (header[offset + 3] & 0xFF));
        }
        return version.headerLength() + size.packetLength();
    }

    /** Writes a Sphinx (Mix-type) header at {@code out[offset..]} and returns its length. */
    public static int encode(FramingVersion version, PacketSize size, KeyRotation rotation, byte[] out, int offset) {
        out[offset] = (byte) version.number();
        out[offset + 1] = (byte) size.tag();
        out[offset + 2] = (byte) FrameHeader.PACKET_TYPE_MIX;
        if (version == FramingVersion.V8) out[offset + 3] = (byte) rotation.wireValue();
        return version.headerLength();
    }

    /**
     * Writes an Outfox (type 2) header at {@code out[offset..]} and returns its length. Forwarded
     * Outfox frames carry rotation "unknown" ({@code common/nymsphinx/framing/src/processing.rs}
     * {@code wrap_processed_outfox_packet}).
     */
    public static int encodeOutfox(FramingVersion version, int sizeTag, byte[] out, int offset) {
        out[offset] = (byte) version.number();
        out[offset + 1] = (byte) sizeTag;
        out[offset + 2] = (byte) FrameHeader.PACKET_TYPE_OUTFOX;
        if (version == FramingVersion.V8) out[offset + 3] = (byte) KeyRotation.UNKNOWN.wireValue();
        return version.headerLength();
    }

    /** A whole frame: header then packet, in a new array. */
    public static byte[] frame(FramingVersion version, PacketSize size, KeyRotation rotation, byte[] packet) {
        if (packet.length != size.packetLength()) {
            throw new IllegalArgumentException("packet of " + packet.length + " bytes does not match size " + size);
        }
        byte[] out = new byte[version.headerLength() + packet.length];
        int h = encode(version, size, rotation, out, 0);
        System.arraycopy(packet, 0, out, h, packet.length);
        return out;
    }
}
