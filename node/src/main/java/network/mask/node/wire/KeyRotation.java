package network.mask.node.wire;

/**
 * The v8 header's key-rotation byte: which Sphinx key (by rotation parity) the sender used.
 * v7 frames carry none and are {@link #UNKNOWN}.
 */
public enum KeyRotation {
    UNKNOWN(0),
    ODD(1),
    EVEN(2);

    private final int wireValue;

    KeyRotation(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() { return wireValue; }

    /** The rotation with this header byte, or {@code null}. */
    public static KeyRotation ofWire(int b) {
        return switch (b) {
            case 0 -> UNKNOWN;
            case 1 -> ODD;
            case 2 -> EVEN;
            default -> null;
        };
    }

    /** Nym's mapping of a u32 rotation id: 0 and u32::MAX are unknown, then by parity. */
    public static KeyRotation ofRotationId(long rotationId) {
        if (rotationId == 0 || rotationId == 0xFFFF_FFFFL) return UNKNOWN;
        return (rotationId & 1) == 0 ? EVEN : ODD;
    }
}
