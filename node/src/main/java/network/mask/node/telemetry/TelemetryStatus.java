package network.mask.node.telemetry;

import java.time.Instant;

/**
 * A snapshot of the telemetry's health for the dashboard.
 *
 * @param state            where it stands
 * @param message          one line for the owner, never containing a secret
 * @param since            when {@code state} was entered
 * @param queuedMessages   messages waiting for the broker
 * @param droppedMessages  messages discarded because the buffer was full (oldest first), since start
 * @param publishedMessages messages the broker acknowledged, since start
 */
public record TelemetryStatus(TelemetryState state, String message, Instant since, int queuedMessages,
                              long droppedMessages, long publishedMessages) {

    /** Where Home Assistant's connection stands, in the owner's words (never an internal code). */
    public String inWords() {
        return words(state, message);
    }

    /** @param message the telemetry's own line, used where it names what to fix */
    public static String words(TelemetryState state, String message) {
        return switch (state) {
            case DISABLED -> "Home Assistant (MQTT) is off.";
            case CONNECTING -> "Connecting to the MQTT broker…";
            case CONNECTED -> "Connected to the MQTT broker: Home Assistant sees this box.";
            case UNREACHABLE -> "The MQTT broker cannot be reached: check its address in Settings and that it is running.";
            case AUTH_FAILED -> "The MQTT broker refused the user name or password: check them in Settings.";
            case TLS_FAILED -> "The MQTT broker's certificate is not trusted: set its CA file (mqtt.ca_file) or check the address.";
            case CONFIG_INVALID -> "The MQTT settings cannot be used: " + message;
            case STOPPED -> "MQTT has stopped (the node is stopping or restarting).";
        };
    }
}
