package network.mask.node.history;

/** The history file cannot be used; {@link #reason()} says why, for the log and the counter. */
public final class HistoryFileException extends Exception {

    /** Why a history file was refused. */
    public enum Reason {
        /** Not a Mask Node history file (wrong magic). */
        NOT_A_HISTORY_FILE,
        /** Written by a newer firmware whose format this one does not know. */
        UNSUPPORTED_VERSION,
        /** Cut short, or its checksum or values do not add up (a bad SD card, a copy gone wrong). */
        CORRUPT
    }

    private final Reason reason;

    HistoryFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
