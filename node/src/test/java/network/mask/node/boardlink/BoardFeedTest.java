package network.mask.node.boardlink;

import network.mask.node.telemetrylink.TelemetryService;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import network.mask.board.Board;
import network.mask.board.BoardConfig;
import network.mask.board.NodeState;
import network.mask.node.config.NodeConfig;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.telemetry.DeviceInfo;
import network.mask.node.telemetry.HealthSource;
import network.mask.node.telemetry.NodeActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the LED asks of the owner of a box nobody has claimed yet, on a real board without hardware. */
class BoardFeedTest {

    @TempDir Path dir;
    Board board;
    final AtomicBoolean claimed = new AtomicBoolean();
    final MixMetrics metrics = new MixMetrics();
    TelemetryService telemetry;

    @BeforeEach
    void openBoard() {
        // An empty /sys and /proc: no LEDs and no health alarms from the machine running the test.
        board = Board.open(BoardConfig.defaults(dir).withRoot(dir).withOnboardLeds(false));
        board.setBooting(false);
        telemetry = new TelemetryService(NodeConfig.defaults(),
                new DeviceInfo("test", "0", null, "id", "http://127.0.0.1/", null), "test", metrics, HealthSource.NONE,
                new NodeActions() {
                    public void identify() {}
                    public void restart() {}
                });
    }

    @AfterEach
    void close() {
        board.close();
    }

    BoardFeed feed(boolean buttonWired) {
        return new BoardFeed(board, metrics, new TrafficRates(), claimed::get, telemetry, buttonWired);
    }

    /** The board renders conditions on its own 10 ms beat; wait (bounded) for the frame that shows them. */
    void assertShows(NodeState expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (board.state() != expected && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(expected, board.state());
    }

    /** Claimed: the box runs (or shows a health problem of the test machine's disk), never a setup state. */
    void assertRunning() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!running() && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(board.degradedReasons().isEmpty() ? NodeState.RUNNING : NodeState.DEGRADED, board.state());
    }

    boolean running() {
        return board.state() == NodeState.RUNNING || board.state() == NodeState.DEGRADED;
    }

    @Test
    void withAButtonAnUnclaimedBoxAsksForThePress() throws Exception {
        BoardFeed feed = feed(true);
        feed.tick();
        assertShows(NodeState.CLAIMING);
        claimed.set(true);
        feed.tick();
        assertRunning();   // neither claiming nor setup left behind
    }

    @Test
    void withoutAButtonAnUnclaimedBoxAsksForTheSetupPage() throws Exception {
        BoardFeed feed = feed(false);
        feed.tick();
        assertShows(NodeState.NEEDS_SETUP);
        claimed.set(true);
        feed.tick();
        assertRunning();
        claimed.set(false);   // a factory reset: unclaimed again
        feed.tick();
        assertShows(NodeState.NEEDS_SETUP);
    }
}
