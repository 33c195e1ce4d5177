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
}
