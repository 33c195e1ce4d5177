package network.mask.node.nymapi;

import java.util.Locale;

/** Why a nym-api request gave no usable answer. Each kind is counted separately. */
public final class NymApiException extends Exception {

    /** What went wrong, as the owner's status and the counters name it. */
    public enum Kind {
        /** Connection refused, reset, DNS failure: nothing answered. */
        UNREACHABLE,
        /** Connected, but no complete answer within the timeout. */
        TIMEOUT,
        /** An HTTP status other than 2xx. */
        HTTP_STATUS,
        /** The answer was larger than this client reads for that route. */
        TOO_LARGE,
        /** Not JSON, or JSON that does not have nym-api's shape. */
        MALFORMED;

        public String metricName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public NymApiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public NymApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
