package network.mask.node.telemetry;

/** An MQTT operation failed; {@link #kind()} says which dashboard state it leads to. */
public final class PublisherException extends Exception {

    private final TelemetryState kind;

    public PublisherException(TelemetryState kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public TelemetryState kind() {
        return kind;
    }
}
