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
        network.mask.webui.spi.StatusReport r = live.status();
        Optional<network.mask.webui.spi.StatusReport.Fact> earned = history.read(ring -> EarnedRewards.fact(ring, history.clock().instant()));
        if (earned.isEmpty()) return r;
        java.util.List<network.mask.webui.spi.StatusReport.Fact> network = new java.util.ArrayList<>(r.network());
        int at = 0;
        while (at < network.size() && !network.get(at).label().startsWith("Rewards")) at++;
        network.add(Math.min(at + 1, network.size()), earned.get());
        return new network.mask.webui.spi.StatusReport(r.light(), r.conditions(), r.reached(), r.routerSteps(), network);
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
