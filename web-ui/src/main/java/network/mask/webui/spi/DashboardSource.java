package network.mask.webui.spi;

import jakarta.json.JsonObject;
import java.util.Optional;

/** What the dashboard shows; read about once a second per open dashboard, so it must be cheap. */
@FunctionalInterface
public interface DashboardSource {
    DashboardSnapshot snapshot();

    /** The node's status from its status model; also read once a second per open dashboard. */
    default StatusReport status() {
        return StatusReport.UNKNOWN;
    }

    /**
     * The history kept on the box, for the charts (read about once a minute per open dashboard):
     * series with their start (Unix ms), step and values, as the node's history package shapes them.
     * Empty where no history is kept.
     */
    default Optional<JsonObject> history() {
        return Optional.empty();
    }

    /** What the public API gives away (load, system information), read once per page view; empty where unknown. */
    default Optional<PublicView> publicView() {
        return Optional.empty();
    }

    /** Home Assistant's (MQTT's) connection in the owner's words, e.g. "Home Assistant (MQTT) is off."; empty where unknown. */
    default Optional<String> homeAssistant() {
        return Optional.empty();
    }
}
