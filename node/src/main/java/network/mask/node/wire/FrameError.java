package network.mask.node.wire;

/** Why a framing header was refused. Any of these ends the connection: the stream cannot resync. */
public enum FrameError {
    /** First byte is not 7 or 8. */
    UNSUPPORTED_VERSION,
    /** Size tag is not one of Nym's Sphinx sizes 1..5. */
    UNKNOWN_SIZE_TAG,
    /** Packet type is neither Mix (0) nor Outfox (2). */
    UNKNOWN_PACKET_TYPE,
    /** v8 rotation byte other than 0, 1, 2. */
    UNKNOWN_KEY_ROTATION,
    /** The size tag announces a frame above this node's cap. */
    FRAME_TOO_LARGE
}
