package network.mask.node.nymapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The current rewarding interval: {@code Interval}
 * ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/interval.rs}) from
 * {@code GET /v1/epoch/current} (an {@code Option}). The epoch's absolute id is
 * {@code total_elapsed_epochs} ({@code Interval::current_epoch_absolute_id}).
 *
 * @param epochsInInterval the operating cost of a node is spread over this many epochs
 */
public record EpochInterval(long intervalId, long epochsInInterval, Instant currentEpochStart, long currentEpochId,
                            Duration epochLength, long currentEpochAbsoluteId) {

    /** The absolute id of the epoch {@code at} falls in, counted on from this reading (nym-api may advance a little late). */
    public long epochAt(Instant at) {
        if (at.isBefore(currentEpochStart)) return currentEpochAbsoluteId;
        return currentEpochAbsoluteId + Duration.between(currentEpochStart, at).toMillis() / Math.max(1, epochLength.toMillis());
    }

    /** How many epochs a day has. */
    public double epochsPerDay() {
        return Duration.ofDays(1).toMillis() / (double) epochLength.toMillis();
    }

    static Optional<EpochInterval> fromJson(JsonValue json) throws NymApiException {
        if (json == JsonValue.NULL) return Optional.empty();
        JsonObject o = Shapes.object(json, "interval");
        Instant start = Shapes.instant(o, "current_epoch_start");
        JsonObject length = Shapes.object(o, "epoch_length");
        Duration epoch = Duration.ofSeconds(Shapes.integer(length.get("secs"), "secs", 0, 365L * 86_400),
                Shapes.integer(length.get("nanos"), "nanos", 0, 999_999_999));
        if (epoch.toMillis() < 1) throw Shapes.malformed("'epoch_length' is zero");
        long epochs = Shapes.u32(o, "epochs_in_interval");
        if (epochs == 0) throw Shapes.malformed("'epochs_in_interval' is zero");
        return Optional.of(new EpochInterval(Shapes.u32(o, "id"), epochs, start, Shapes.u32(o, "current_epoch_id"), epoch,
                Shapes.u32(o, "total_elapsed_epochs")));
    }
}
