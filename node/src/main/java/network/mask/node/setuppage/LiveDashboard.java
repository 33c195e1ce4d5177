package network.mask.node.setuppage;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import network.mask.board.Board;
import network.mask.board.HealthSnapshot;
import network.mask.node.boardlink.LedMirror;
import network.mask.node.boardlink.TrafficRates;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;
import network.mask.webui.spi.DashboardSnapshot.Usage;
import network.mask.webui.spi.DashboardSnapshot;
import network.mask.webui.spi.DashboardSource;
import network.mask.webui.spi.StatusReport;

/** The dashboard's live figures: metrics, the rates the board feed samples, board health, the LED and the log tail. */
public final class LiveDashboard implements DashboardSource {

    private static final int LOG_TAIL = 50;

    private final MetricsSource metrics;
    private final TrafficRates rates;
    private final Board board;
    private final BooleanSupplier ledsEnabled;
    private final LogRing log;
    private final String version;
    private final Supplier<StatusReport> status;

    public LiveDashboard(MetricsSource metrics, TrafficRates rates, Board board, BooleanSupplier ledsEnabled, LogRing log,
                         String version) {
        this(metrics, rates, board, ledsEnabled, log, version, () -> StatusReport.UNKNOWN);
    }

    /** @param status the node's status, network view and reachability for the "on the network?" card */
    public LiveDashboard(MetricsSource metrics, TrafficRates rates, Board board, BooleanSupplier ledsEnabled, LogRing log,
                         String version, Supplier<StatusReport> status) {
        this.status = status;
        this.metrics = metrics;
        this.rates = rates;
        this.board = board;
        this.ledsEnabled = ledsEnabled;
        this.log = log;
        this.version = version;
    }

    @Override
    public StatusReport status() {
        return status.get();
    }

    @Override
    public DashboardSnapshot snapshot() {
        MetricsSnapshot m = metrics.snapshot();
        TrafficRates.Rates r = rates.latest();
        HealthSnapshot h = board.health();
        int queued = m.ingressQueueDepth() + m.scheduledPackets() + m.egressQueueDepth();
        int peers = m.inboundConnections() + m.outboundConnections();
        Optional<Usage> memory = h.memoryTotalBytes().isPresent() && h.memoryAvailableBytes().isPresent()
                && h.memoryTotalBytes().getAsLong() > 0
                ? Optional.of(new Usage(h.memoryTotalBytes().getAsLong() - h.memoryAvailableBytes().getAsLong(),
                        h.memoryTotalBytes().getAsLong()))
                : Optional.empty();
        Optional<Usage> disk = h.diskTotalBytes().isPresent() && h.diskFreeBytes().isPresent() && h.diskTotalBytes().getAsLong() > 0
                ? Optional.of(new Usage(h.diskTotalBytes().getAsLong() - h.diskFreeBytes().getAsLong(), h.diskTotalBytes().getAsLong()))
                : Optional.empty();
        return new DashboardSnapshot(r.in(), r.out(), r.dropped(), queued, peers,
                Duration.between(m.startedAt(), m.at()), version, h.cpuTemperatureCelsius(), memory, disk,
                LedMirror.of(board.currentPattern(), board.degradedReasons(), ledsEnabled.getAsBoolean()),
                log.tail(LOG_TAIL));
    }
}
