package network.mask.node.telemetry;

/** Where the MQTT telemetry stands, for the dashboard. Each failure says what the owner should fix. */
public enum TelemetryState {
    /** Telemetry is switched off. */
    DISABLED,
    /** Connecting, or waiting to retry after a dropped connection. */
    CONNECTING,
    /** Connected; discovery and state are being published. */
    CONNECTED,
    /** The broker could not be reached: unknown host, connection refused, or no answer. */
    UNREACHABLE,
    /** The broker refused the username/password or the client certificate. */
    AUTH_FAILED,
    /** TLS failed: the broker's certificate is not trusted or does not match its name. */
    TLS_FAILED,
    /** The settings cannot be used as they are, e.g. the CA file is missing or unreadable. */
    CONFIG_INVALID,
    /** Closed for good; the node is shutting down. */
    STOPPED
}
