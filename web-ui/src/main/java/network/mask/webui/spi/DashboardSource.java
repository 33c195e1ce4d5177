package network.mask.webui.spi;

/** What the dashboard shows; read about once a second per open dashboard, so it must be cheap. */
@FunctionalInterface
public interface DashboardSource {
    DashboardSnapshot snapshot();

    /** The node's status from its status model; also read once a second per open dashboard. */
    default StatusReport status() {
        return StatusReport.UNKNOWN;
    }
}
