package network.mask.node.history;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Supplier;
import network.mask.board.Board;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.metrics.Event;
import network.mask.node.rewards.RewardEstimator;
import network.mask.node.rewards.RewardLedger;

/** The recorder for one node start, fed from what exists today. */
public final class HistoryWiring {

    /** In the data directory beside the keys; not secret. */
    public static final String FILE_NAME = "history.bin";

    private HistoryWiring() {}

    /**
     * "Seen by the network" is nym-api listing this node (described and bonded), from the node's
     * network directory where one is configured. Rewards per day are the operator's estimated
     * rewards, credited per ended epoch by a {@link RewardLedger} from the network view.
     */
    public static HistoryRecorder recorder(NodeDaemon daemon, Board board) {
        HistoryRecorder.Sources sources = new HistoryRecorder.Sources(daemon.metrics(),
                () -> daemon.networkStatus().map(s -> s.view().listed()).orElse(false),
                () -> board.health().cpuTemperatureCelsius(),
                rewardsEarned(daemon));
        return new HistoryRecorder(new HistoryStore(daemon.config().node().dataDir().resolve(FILE_NAME),
                () -> daemon.count(Event.HISTORY_FILE_DAMAGED)), sources, Clock.systemUTC(),
                () -> daemon.count(Event.HISTORY_WRITE_FAILED));
    }

    private static Supplier<OptionalLong> rewardsEarned(NodeDaemon daemon) {
        RewardLedger ledger = new RewardLedger();
        return () -> ledger.take(Clock.systemUTC().instant(), daemon.networkStatus().flatMap(s -> RewardEstimator.of(s.view())));
    }
}
