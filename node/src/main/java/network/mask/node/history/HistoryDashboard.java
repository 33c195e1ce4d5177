package network.mask.node.history;

import jakarta.json.JsonObject;
import java.time.ZoneId;
import java.util.Optional;
import network.mask.webui.spi.DashboardSnapshot;
import network.mask.webui.spi.DashboardSource;

/** The live dashboard with the history added for its charts. */
public final class HistoryDashboard implements DashboardSource {

    private final DashboardSource live;
    private final HistoryRecorder recorder;
    private final ZoneId zone;

    public HistoryDashboard(DashboardSource live, HistoryRecorder recorder, ZoneId zone) {
        this.live = live;
        this.recorder = recorder;
        this.zone = zone;
    }

    @Override
    public DashboardSnapshot snapshot() {
        return live.snapshot();
    }

    @Override
    public Optional<network.mask.webui.spi.PublicView> publicView() {
        return live.publicView();
    }

    @Override
    public Optional<JsonObject> history() {
        return Optional.of(recorder.read(r -> HistoryCharts.of(r, recorder.clock().instant(), zone)));
    }
}
