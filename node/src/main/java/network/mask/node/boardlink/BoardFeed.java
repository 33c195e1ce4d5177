package network.mask.node.boardlink;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import network.mask.board.Board;
import network.mask.node.daemon.NodeService;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.status.Condition;
import network.mask.node.status.NodeStatus;
import network.mask.node.telemetry.TelemetryState;
import network.mask.node.telemetrylink.TelemetryService;

/**
 * Tells the board, once a second, what the node is doing: booting is over once this starts (the
 * mix listener is up by then), while no admin password is set the box waits for its owner (with a
 * button: "press the button" to claim it; without: "open the setup page"), the forwarded
 * packet rate, and the reasons for running degraded that the node can see (MQTT broker down or
 * refusing the login, when MQTT is on; no next hop reachable). A board problem never reaches the node.
 */
public final class BoardFeed implements NodeService {

    static final String MQTT_DOWN = "mqtt-broker-down";
    static final String MQTT_AUTH = "mqtt-auth-failed";
    static final String NO_NEXT_HOP = "no-next-hop";
    /** The status model's conditions that keep a set-up node off the network: amber on the LEDs. */
    static final List<Condition> OFF_THE_NETWORK = Arrays.stream(Condition.values())
            .filter(c -> !c.isHealth() && c != Condition.WORKING && c != Condition.SETUP_NOT_FINISHED).toList();
    private static final System.Logger LOG = System.getLogger(BoardFeed.class.getName());

    private final Board board;
    private final MetricsSource metrics;
    private final TrafficRates rates;
    private final BooleanSupplier claimed;
    private final TelemetryService telemetry;
    private final boolean buttonWired;
    private final Supplier<Optional<NodeStatus>> status;
    private ScheduledExecutorService ticker;
    private long connectFailures = -1;
    private long forwarded = -1;
    private boolean noNextHop;

    /** @param buttonWired the box has a button to press for the claim (never on a developer PC) */
    public BoardFeed(Board board, MetricsSource metrics, TrafficRates rates, BooleanSupplier claimed, TelemetryService telemetry,
                     boolean buttonWired) {
        this(board, metrics, rates, claimed, telemetry, buttonWired, Optional::empty);
    }

    /**
     * @param status the node's status model: the LEDs show "running" (green) only while it says
     *               working; each condition that keeps the node off the network is a degraded reason
     *               (its code), and an unfinished setup shows as "needs setup"
     */
    public BoardFeed(Board board, MetricsSource metrics, TrafficRates rates, BooleanSupplier claimed, TelemetryService telemetry,
                     boolean buttonWired, Supplier<Optional<NodeStatus>> status) {
        this.status = status;
        this.board = board;
        this.buttonWired = buttonWired;
        this.metrics = metrics;
        this.rates = rates;
        this.claimed = claimed;
        this.telemetry = telemetry;
    }

    @Override
    public void start() {
        board.setBooting(false);
        tick();
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("board-feed").daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** One update; package-visible so tests can drive it without waiting. */
    void tick() {
        try {
            MetricsSnapshot m = metrics.snapshot();
            board.setPacketRate(rates.update(m).out());
            boolean unclaimed = !claimed.getAsBoolean();
            Optional<NodeStatus> s = status.get();
            board.setClaiming(unclaimed && buttonWired);
            board.setSetupNeeded(unclaimed && !buttonWired || !unclaimed && s.map(x -> x.holds(Condition.SETUP_NOT_FINISHED)).orElse(false));
            for (Condition c : OFF_THE_NETWORK) {
                board.setDegraded(c.code(), s.map(x -> x.top().condition() == c).orElse(false));
            }
            TelemetryState mqtt = telemetry.enabled() ? telemetry.status().state() : TelemetryState.DISABLED;
            board.setDegraded(MQTT_AUTH, mqtt == TelemetryState.AUTH_FAILED);
            board.setDegraded(MQTT_DOWN, mqtt == TelemetryState.UNREACHABLE || mqtt == TelemetryState.TLS_FAILED
                    || mqtt == TelemetryState.CONFIG_INVALID);
            board.setDegraded(NO_NEXT_HOP, noNextHop(m));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "board update failed: " + e);
        }
    }

    /** Connects to next hops keep failing and none is open: nothing this node mixes can leave it. */
    private boolean noNextHop(MetricsSnapshot m) {
        long failures = m.event(Event.OUTBOUND_CONNECT_FAILED.metricName());
        boolean newFailures = connectFailures >= 0 && failures > connectFailures;
        boolean sending = forwarded >= 0 && m.packetsForwarded() > forwarded;
        connectFailures = failures;
        forwarded = m.packetsForwarded();
        if (m.outboundConnections() > 0 || sending) noNextHop = false;
        else if (newFailures) noNextHop = true;
        return noNextHop;
    }

    @Override
    public void stop() {
        if (ticker != null) ticker.shutdownNow();
        try {
            for (String reason : new String[] {MQTT_AUTH, MQTT_DOWN, NO_NEXT_HOP}) board.setDegraded(reason, false);
            for (Condition c : OFF_THE_NETWORK) board.setDegraded(c.code(), false);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "board update failed: " + e);
        }
    }

    @Override
    public String name() {
        return "board feed";
    }
}
