package network.mask.node.setuppage;

import network.mask.node.telemetrylink.TelemetryService;

import jakarta.json.JsonObject;
import java.time.ZoneId;
import java.util.Optional;
import network.mask.node.history.HistoryCharts;
import network.mask.node.history.HistoryRecorder;
import network.mask.node.publicview.PublicViewReader;
import network.mask.webui.spi.DashboardSnapshot;
import network.mask.webui.spi.DashboardSource;
import network.mask.webui.spi.PublicView;

/**
 * The live dashboard plus what is read less often: the history for the charts, what the public
 * API gives away, and Home Assistant's connection in words.
 */
public final class OwnerDashboard implements DashboardSource {

    private final DashboardSource live;
    private final HistoryRecorder history;
    private final PublicViewReader publicView;
    private final TelemetryService telemetry;

    public OwnerDashboard(DashboardSource live, HistoryRecorder history, PublicViewReader publicView, TelemetryService telemetry) {
        this.live = live;
        this.history = history;
        this.publicView = publicView;
        this.telemetry = telemetry;
    }

    @Override
    public DashboardSnapshot snapshot() {
        return live.snapshot();
    }

    @Override
    public network.mask.webui.spi.StatusReport status() {
        return live.status();
    }

    @Override
    public Optional<JsonObject> history() {
        return Optional.of(history.read(r -> HistoryCharts.of(r, history.clock().instant(), ZoneId.systemDefault())));
    }

    @Override
    public Optional<PublicView> publicView() {
        return Optional.of(publicView.read());
    }

    @Override
    public Optional<String> homeAssistant() {
        return Optional.of(telemetry.status().inWords());
    }
}
