package network.mask.node.history;

import java.time.Clock;
import java.util.OptionalLong;
import network.mask.board.Board;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.metrics.Event;

/** The recorder for one node start, fed from what exists today. */
public final class HistoryWiring {

    /** In the data directory beside the keys; not secret. */
    public static final String FILE_NAME = "history.bin";

    private HistoryWiring() {}

    /**
     * "Seen by the network" is nym-api listing this node (described and bonded), from the node's
     * network directory where one is configured. Rewards are not known yet: the network view adds
     * them through {@link HistoryRecorder.Sources#rewardsTodayUnym()}.
     */
    public static HistoryRecorder recorder(NodeDaemon daemon, Board board) {
        HistoryRecorder.Sources sources = new HistoryRecorder.Sources(daemon.metrics(),
                () -> daemon.networkStatus().map(s -> s.view().listed()).orElse(false),
                () -> board.health().cpuTemperatureCelsius(),
                OptionalLong::empty);
        return new HistoryRecorder(new HistoryStore(daemon.config().node().dataDir().resolve(FILE_NAME),
                () -> daemon.count(Event.HISTORY_FILE_DAMAGED)), sources, Clock.systemUTC(),
                () -> daemon.count(Event.HISTORY_WRITE_FAILED));
    }
}
