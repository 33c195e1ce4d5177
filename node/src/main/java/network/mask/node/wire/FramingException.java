package network.mask.node.wire;

/** A framing header that cannot be accepted; {@link #error()} says which rule it broke. */
public final class FramingException extends Exception {

    private final FrameError error;

    public FramingException(FrameError error, String detail) {
        super(error + ": " + detail, null, false, false);
        this.error = error;
    }

    public FrameError error() {
        return error;
    }
}
