package network.mask.node.wire;

/** Nym's framing versions (spec §9). v8 adds a key-rotation byte to v7's three-byte header. */
public enum FramingVersion {
    V7(7, 3),
    V8(8, 4);

    private final int number;
    private final int headerLength;

    FramingVersion(int number, int headerLength) {
        this.number = number;
        this.headerLength = headerLength;
    }

    public int number() { return number; }

    public int headerLength() { return headerLength; }

    /** The version with this first header byte, or {@code null} (below 7 invalid, above 8 unsupported). */
    public static FramingVersion of(int firstByte) {
        return switch (firstByte) {
            case 7 -> V7;
            case 8 -> V8;
            default -> null;
        };
    }
}
