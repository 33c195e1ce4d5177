package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import network.mask.node.rotation.RotationSchedule;

/**
 * Reads {@code GET /v1/epoch/key-rotation-info}: {@code KeyRotationInfoResponse} with its
 * {@code details} flattened ({@code nym-api/nym-api-requests/src/models/mixnet.rs}):
 * {@code key_rotation_state{validity_epochs, initial_epoch_id}}, {@code current_absolute_epoch_id},
 * {@code current_epoch_start} (RFC 3339), {@code epoch_duration} (serde's {@code {"secs","nanos"}}).
 */
public final class KeyRotationInfo {

    private KeyRotationInfo() {}

    public static RotationSchedule parse(JsonValue json) throws NymApiException {
        JsonObject o = Shapes.object(json, "key-rotation-info");
        JsonObject state = Shapes.object(o, "key_rotation_state");
        JsonObject duration = Shapes.object(o, "epoch_duration");
        Instant start = Shapes.instant(o, "current_epoch_start");
        Duration epoch = Duration.ofSeconds(Shapes.integer(duration.get("secs"), "secs", 0, Long.MAX_VALUE / 2_000_000_000L),
                Shapes.integer(duration.get("nanos"), "nanos", 0, 999_999_999));
        RotationSchedule schedule;
        try {
            schedule = new RotationSchedule(Shapes.u32(state, "validity_epochs"), Shapes.u32(state, "initial_epoch_id"),
                    Shapes.u32(o, "current_absolute_epoch_id"), start, epoch);
        } catch (IllegalArgumentException e) {
            throw Shapes.malformed(e.getMessage());
        }
        // progress is a convenience copy; when present it must agree, or the answer is not to be trusted.
        if (o.get("progress") instanceof JsonObject p && p.containsKey("current_key_rotation_id")
                && Shapes.u32(p, "current_key_rotation_id") != schedule.currentRotationId()) {
            throw Shapes.malformed("'progress.current_key_rotation_id' disagrees with the epoch counters");
        }
        return schedule;
    }
}
