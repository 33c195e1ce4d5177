package network.mask.node.noise;

/** A Noise handshake or frame that cannot be accepted; the link it came on is closed. */
public final class NoiseException extends Exception {

    /** What went wrong, for the counters and the log. */
    public enum Kind {
        /** A frame header with an unknown pattern or message type, or a data frame shorter than its tag. */
        MALFORMED_FRAME,
        /** A handshake frame above nym's 1024-byte handshake cap. */
        OVERSIZED_FRAME,
        /** A frame of the wrong kind for the state (data during the handshake, handshake after it), or a changed version or pattern. */
        UNEXPECTED_FRAME,
        /** A Noise version this node has no PSK for (only version 1 exists). */
        UNSUPPORTED_VERSION,
        /** A handshake message of the wrong length, or one whose tag does not verify (wrong key or PSK). */
        HANDSHAKE_FAILED,
        /** A transport message whose tag does not verify: tampered, replayed, reordered or truncated. */
        DECRYPT_FAILED,
        /** The peer's key gave an all-zero X25519 result (a low-order point). */
        BAD_PEER_KEY,
        /** The handshake did not finish within the deadline. */
        TIMEOUT,
        /** The transport nonce would wrap (2^64 - 1 messages): never reached in practice, but never reused. */
        NONCE_EXHAUSTED
    }

    private final Kind kind;

    public NoiseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public NoiseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
