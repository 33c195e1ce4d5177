package network.mask.node.noise;

/**
 * The 8-byte header nym puts before every Noise message, handshake and data alike
 * ({@code common/nymnoise/src/stream/framing.rs}, {@code NymNoiseHeader}): version, pattern, message
 * type, the message length as u16 big-endian, and three reserved bytes (written as zero, not checked).
 */
public record NoiseFrameHeader(int version, int pattern, int type, int length) {

    public static final int SIZE = 8;
    public static final int VERSION_1 = 1;
    /** {@code NoisePattern::XKpsk3} ({@code common/nymnoise/src/config.rs}); 2 is IKpsk2, defined but never used. */
    public static final int PATTERN_XKPSK3 = 1;
    private static final int PATTERN_IKPSK2 = 2;
    public static final int TYPE_HANDSHAKE = 0;
    public static final int TYPE_DATA = 1;

    /** Writes a header for a message of {@code length} bytes at {@code out[offset..offset+8)}. */
    public static void encode(int type, int length, byte[] out, int offset) {
        if (length < 0 || length > NoiseProtocol.MAX_MESSAGE) throw new IllegalArgumentException("Noise message of " + length + " bytes");
        out[offset] = VERSION_1;
        out[offset + 1] = PATTERN_XKPSK3;
        out[offset + 2] = (byte) type;
        out[offset + 3] = (byte) (length >>> 8);
        out[offset + 4] = (byte) length;
        out[offset + 5] = 0;
        out[offset + 6] = 0;
        out[offset + 7] = 0;
    }

    /**
     * Reads a header as nym's decoder does: an unknown pattern byte or message type is an error at once;
     * the version is kept for the state machine to judge. The caps (handshake at most 1024 bytes, data at
     * least the 16-byte tag) are checked here too, before any of the message is buffered.
     */
    public static NoiseFrameHeader decode(byte[] in, int offset) throws NoiseException {
        int version = in[offset] & 0xFF;
        int pattern = in[offset + 1] & 0xFF;
        int type = in[offset + 2] & 0xFF;
        int length = ((in[offset + 3] & 0xFF) << 8) | (in[offset + 4] & 0xFF);
        if (pattern != PATTERN_XKPSK3 && pattern != PATTERN_IKPSK2) {
            throw new NoiseException(NoiseException.Kind.MALFORMED_FRAME, "unknown Noise pattern " + pattern);
        }
        if (type != TYPE_HANDSHAKE && type != TYPE_DATA) {
            throw new NoiseException(NoiseException.Kind.MALFORMED_FRAME, "unknown Noise message type " + type);
        }
        if (type == TYPE_HANDSHAKE && length > NoiseProtocol.HANDSHAKE_MAX_LEN) {
            throw new NoiseException(NoiseException.Kind.OVERSIZED_FRAME, "a Noise handshake message of " + length
                    + " bytes (at most " + NoiseProtocol.HANDSHAKE_MAX_LEN + ")");
        }
        if (type == TYPE_DATA && length < NoiseProtocol.TAG_LENGTH) {
            throw new NoiseException(NoiseException.Kind.MALFORMED_FRAME, "a Noise data message of " + length
                    + " bytes, shorter than its tag");
        }
        return new NoiseFrameHeader(version, pattern, type, length);
    }

    public boolean isHandshake() {
        return type == TYPE_HANDSHAKE;
    }

    /** Whether version and pattern are the ones this node speaks (and negotiated): V1, XKpsk3. */
    public boolean isV1XKpsk3() {
        return version == VERSION_1 && pattern == PATTERN_XKPSK3;
    }
}
