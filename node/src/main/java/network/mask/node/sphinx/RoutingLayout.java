package network.mask.node.sphinx;

/**
 * Field positions in a decrypted routing slot (spec §4.1):
 * {@code flag(1) || version(3) || address or destination(32) || delay(8) or SURB id(16) ...}.
 */
final class RoutingLayout {

    static final int FLAG = 0;
    static final int VERSION = 1;
    static final int ADDRESS = 4;
    static final int DELAY = 36;
    static final int SURB_ID = 36;
    static final int DELAY_LENGTH = 8;

    private RoutingLayout() {}

    /** The u16 in the 3-byte version field {@code [0x00, hi, lo]}; the leading byte is not checked (upstream does not either). */
    static int readVersion(byte[] slot) {
        return (slot[VERSION + 1] & 0xff) << 8 | slot[VERSION + 2] & 0xff;
    }

    static void writeVersion(byte[] slot, int offset, int version) {
        slot[offset + VERSION] = 0;
        slot[offset + VERSION + 1] = (byte) (version >>> 8);
        slot[offset + VERSION + 2] = (byte) version;
    }

    /** The u64 BE delay in nanoseconds, capped at {@link Long#MAX_VALUE} (about 292 years). */
    static long readDelay(byte[] slot) {
        long delay = 0;
        for (int i = 0; i < DELAY_LENGTH; i++) delay = delay << 8 | slot[DELAY + i] & 0xff;
        return delay < 0 ? Long.MAX_VALUE : delay;
    }

    static void writeDelay(byte[] slot, int offset, long delayNanos) {
        for (int i = DELAY_LENGTH - 1; i >= 0; i--) {
            slot[offset + DELAY + i] = (byte) delayNanos;
            delayNanos >>>= 8;
        }
    }
}
