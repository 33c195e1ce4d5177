package network.mask.webui.spi;

/** Tries to connect to a broker with the given (validated) settings, then disconnects. */
@FunctionalInterface
public interface MqttTester {

    /** Bounded by a few seconds; never throws for a broker that is down. */
    Result test(MqttSettings settings);

    /** What went wrong, so the page can name the fix in the owner's words instead of the client library's. */
    enum Problem {
        NONE,
        /** The broker answered and refused the user name or password. */
        LOGIN_REFUSED,
        /** The broker's name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on that port (connection refused). */
        NOTHING_LISTENING,
        /** No answer in time. */
        NO_ANSWER,
        /** TLS was asked for, and the port answered the TLS greeting by closing: it speaks plain MQTT. */
        PORT_WITHOUT_TLS,
        /** A plain connection was closed at once, as a TLS-only port does. */
        CLOSED_AT_ONCE,
        /** TLS was spoken but the broker's certificate was not trusted, or the broker refused ours. */
        CERTIFICATE_REFUSED,
        /** The broker answered and refused the session for another reason, or says it is unavailable. */
        BROKER_REFUSED,
        /** The node cannot use the settings (for example a CA file it cannot read); the message names it. */
        SETTINGS,
        OTHER
    }

    /**
     * @param ok      whether connect succeeded
     * @param problem why not, {@link Problem#NONE} when ok
     * @param message the detail in plain words (e.g. which file could not be read); may be empty
     */
    record Result(boolean ok, Problem problem, String message) {

        public Result {
            problem = ok ? Problem.NONE : problem == null || problem == Problem.NONE ? Problem.OTHER : problem;
            message = message == null ? "" : message;
        }

        /** A result with only a detail text, for testers that cannot tell the cause apart. */
        public Result(boolean ok, String message) {
            this(ok, ok ? Problem.NONE : Problem.OTHER, message);
        }
    }
}
