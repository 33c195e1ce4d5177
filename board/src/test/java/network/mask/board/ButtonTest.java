package network.mask.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pi4j.io.gpio.digital.DigitalState;

/** The button on Pi4J's mock platform: raw level changes through the mock input, time virtual. */
class ButtonTest {
    @TempDir
    Path dir;

    private final List<Long> shortPresses = new ArrayList<>();
    private final List<Long> resets = new ArrayList<>();

    private MockBoard running(BoardConfig config) {
        MockBoard m = new MockBoard(config);
        m.board.addButtonListener(() -> shortPresses.add(m.time.millis()));
        m.board.setFactoryResetHandler(() -> resets.add(m.time.millis()));
        m.board.setBooting(false);
        m.time.advance(1_000);
        return m;
    }

    @Test
    void bouncesShorterThanTheDebounceMakeNoPress() {
        try (MockBoard m = running(MockBoard.config(dir))) {
            // Six edges, none of the levels lasting 50 ms: a contact chattering, or a cable picking up noise.
            int[] gaps = {20, 10, 5, 45, 20, 0};
            for (int i = 0; i < gaps.length; i++) {
                if (i % 2 == 0) m.press(); else m.release();
                m.time.advance(gaps[i]);
            }
            m.time.advance(2_000);
            assertEquals(6, m.board.buttonRawEdges(), "the mock input's edges reached the board");
            assertEquals(List.of(), shortPresses);
            assertEquals(NodeState.RUNNING, m.board.state());
        }
    }

    @Test
    void aBouncyButRealPressCountsOnceFromItsFirstStableMoment() {
        try (MockBoard m = running(MockBoard.config(dir))) {
            long start = m.time.millis();
            m.press();
            m.time.advance(3);
            m.release();
            m.time.advance(4);
            m.press(); // stays down from start + 7
            m.time.advance(200);
            m.release();
            m.time.advance(2);
            m.press();
            m.time.advance(3);
            m.release(); // up for good from start + 212
            m.time.advance(1_000);
            assertEquals(1, shortPresses.size());
            // Delivered on the first frame at least 50 ms after the release settled (212 + 50 = 262 -> frame 270).
            assertEquals(start + 270, shortPresses.get(0));
            assertEquals(List.of(), resets);
        }
    }

    @Test
    void shortPressConfirmsAClaim() {
        try (MockBoard m = running(MockBoard.config(dir))) {
            m.board.addButtonListener(() -> m.board.setClaiming(false)); // what the node does on confirmation
            m.board.setClaiming(true);
            m.time.advance(10);
            assertEquals(NodeState.CLAIMING, m.board.state());
            m.press();
            m.time.advance(2_990); // just under the 3 s countdown threshold
            m.release();
            m.time.advance(100);
            assertEquals(1, shortPresses.size());
            assertEquals(NodeState.RUNNING, m.board.state());
        }
    }

    @Test
    void holdingTenSecondsRequestsOneFactoryResetWhileStillHeld() {
        try (MockBoard m = running(MockBoard.config(dir))) {
            long start = m.time.millis();
            m.press();
            m.time.advance(2_990);
            assertEquals(NodeState.RUNNING, m.board.state());
            m.time.advance(10);
            assertEquals(NodeState.FACTORY_RESET_COUNTDOWN, m.board.state());
            m.time.advance(6_990);
            assertEquals(List.of(), resets, "not before 10 s");
            m.time.advance(10);
            assertEquals(List.of(start + 10_000), resets);
            m.time.advance(5_000); // the owner keeps holding
            m.release();
            m.time.advance(1_000);
            assertEquals(List.of(start + 10_000), resets, "exactly once per hold");
            assertEquals(List.of(), shortPresses);
            assertEquals(NodeState.RUNNING, m.board.state());
        }
    }

    @Test
    void lettingGoDuringTheCountdownCancelsIt() {
        try (MockBoard m = running(MockBoard.config(dir))) {
            m.board.setDegraded("broker-down", true);
            m.press();
            m.time.advance(5_000);
            assertEquals(NodeState.FACTORY_RESET_COUNTDOWN, m.board.state());
            m.release();
            m.time.advance(60);
            assertEquals(NodeState.DEGRADED, m.board.state(), "back to what held before");
            m.time.advance(10_000);
            assertEquals(List.of(), resets);
            assertEquals(List.of(), shortPresses);
        }
    }

    @Test
    void aButtonStuckPressedAtStartIsIgnoredUntilReleased() {
        // Active-low: the mock input starts LOW, i.e. pressed, like a floating or shorted reset pin.
        try (MockBoard m = running(MockBoard.config(dir).withButton(MockBoard.BUTTON, true))) {
            m.time.advance(15_000);
            assertEquals(List.of(), resets);
            assertEquals(NodeState.RUNNING, m.board.state());
            m.button().mockState(DigitalState.HIGH); // released at last
            m.time.advance(500);
            assertEquals(List.of(), shortPresses, "the release itself is not a press");
            m.button().mockState(DigitalState.LOW);
            m.time.advance(150);
            m.button().mockState(DigitalState.HIGH);
            m.time.advance(100);
            assertEquals(1, shortPresses.size(), "now the button works");
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrTheLeds() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            m.board.addButtonListener(() -> {
                throw new IllegalStateException("listener bug");
            });
            m.board.addButtonListener(() -> shortPresses.add(m.time.millis()));
            m.board.setBooting(false);
            m.time.advance(10);
            m.press();
            m.time.advance(100);
            m.release();
            m.time.advance(100);
            assertEquals(1, shortPresses.size());
            m.board.setClaiming(true);
            m.time.advance(10);
            assertEquals(NodeState.CLAIMING, m.board.state());
            assertTrue(m.isOn(MockBoard.STATUS));
        }
    }
}
