package network.mask.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.mask.board.state.Conditions;
import network.mask.board.state.StatePriority;

class PriorityTest {
    /** The README's order, most important first. */
    private static final List<NodeState> ORDER = List.of(NodeState.FACTORY_RESET_COUNTDOWN, NodeState.IDENTIFY,
            NodeState.ERROR, NodeState.CLAIMING, NodeState.NEEDS_SETUP, NodeState.BOOTING, NodeState.DEGRADED,
            NodeState.RUNNING_WITH_TRAFFIC, NodeState.RUNNING);

    private static final long NOW = 50_000;

    @TempDir
    Path dir;

    /** Conditions (from a booted, idle node) with the condition behind {@code state} added. */
    private static Conditions plus(Conditions c, NodeState state) {
        return switch (state) {
            case FACTORY_RESET_COUNTDOWN -> c.withResetCountdown(true);
            case IDENTIFY -> c.withIdentifyUntil(NOW + 1);
            case ERROR -> c.withError(Optional.of("broken"));
            case CLAIMING -> c.withClaiming(true);
            case NEEDS_SETUP -> c.withSetupNeeded(true);
            case BOOTING -> c.withBooting(true);
            case DEGRADED -> c.withNodeReason("no-peers", true);
            case RUNNING_WITH_TRAFFIC -> c.withPacketRate(10);
            case RUNNING -> c;
        };
    }

    private static Conditions idle() {
        return Conditions.initial().withBooting(false);
    }

    @Test
    void ofAnyTwoConditionsTheMoreImportantShows() {
        for (int i = 0; i < ORDER.size(); i++) {
            for (int j = i; j < ORDER.size(); j++) {
                Conditions both = plus(plus(idle(), ORDER.get(j)), ORDER.get(i));
                assertEquals(ORDER.get(i), StatePriority.resolve(both, NOW), ORDER.get(i) + " with " + ORDER.get(j));
            }
        }
    }

    @Test
    void peelingConditionsOffFromTheTopRevealsEachInTurn() {
        Conditions all = idle();
        for (NodeState s : ORDER) all = plus(all, s);
        assertEquals(Set.copyOf(ORDER), all.activeStates(NOW));
        Conditions c = idle();
        for (int i = ORDER.size() - 1; i >= 0; i--) {
            c = plus(c, ORDER.get(i));
            assertEquals(ORDER.get(i), StatePriority.resolve(c, NOW));
        }
    }

    @Test
    void identifyCoversAnErrorOnlyForItsDuration() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            m.board.setBooting(false);
            m.board.setError("cannot reach the directory");
            m.board.identify(Duration.ofSeconds(5));
            m.time.advance(10);
            assertEquals(NodeState.IDENTIFY, m.board.state());
            m.time.advance(4_980);
            assertEquals(NodeState.IDENTIFY, m.board.state());
            m.time.advance(20);
            assertEquals(NodeState.ERROR, m.board.state());
            m.board.identify(Duration.ofSeconds(30));
            m.time.advance(10);
            m.board.identify(Duration.ZERO); // the setup page's "stop"
            m.time.advance(10);
            assertEquals(NodeState.ERROR, m.board.state());
            m.board.clearError();
            m.time.advance(10);
            assertEquals(NodeState.RUNNING, m.board.state());
        }
    }

    @Test
    void degradedReasonsDuringBootDoNotHideBootingAndAreListed() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            m.board.setDegraded("no-peers", true);
            m.board.setDegraded("broker-down", true);
            m.time.advance(10);
            assertEquals(NodeState.BOOTING, m.board.state());
            m.board.setBooting(false);
            m.time.advance(10);
            assertEquals(NodeState.DEGRADED, m.board.state());
            assertEquals(Set.of("broker-down", "no-peers"), m.board.degradedReasons());
            m.board.setPacketRate(500);
            m.time.advance(10);
            assertEquals(NodeState.DEGRADED, m.board.state(), "traffic does not hide a problem");
            m.board.setDegraded("no-peers", false);
            m.board.setDegraded("broker-down", false);
            m.time.advance(10);
            assertEquals(NodeState.RUNNING_WITH_TRAFFIC, m.board.state());
        }
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            m.board.setBooting(false);
            m.time.advance(10);
            assertThrows(IllegalArgumentException.class, () -> m.board.setDegraded("", true));
            assertThrows(IllegalArgumentException.class, () -> m.board.setDegraded("x".repeat(65), true));
            assertThrows(IllegalArgumentException.class, () -> m.board.setDegraded("new\nline", true));
            assertThrows(IllegalArgumentException.class, () -> m.board.setError(" "));
            assertThrows(IllegalArgumentException.class, () -> m.board.setPacketRate(-1));
            assertThrows(IllegalArgumentException.class, () -> m.board.setPacketRate(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> m.board.setBrightness(1.01));
            assertThrows(IllegalArgumentException.class, () -> m.board.setBrightness(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> m.board.identify(Duration.ofSeconds(-1)));
            assertThrows(IllegalArgumentException.class, () -> m.board.identify(Duration.ofDays(365_000_000)));
            m.time.advance(100);
            assertEquals(NodeState.RUNNING, m.board.state());
            assertEquals(Set.of(), m.board.degradedReasons());
            assertEquals(100, m.duty(MockBoard.GREEN));
        }
    }

    @Test
    void badConfigIsRejectedWithTheReason() {
        BoardConfig base = BoardConfig.defaults(dir);
        var e = assertThrows(IllegalArgumentException.class, () -> base.withGpioLeds(List.of(
                GpioLed.onOff(LedRole.STATUS, 17), GpioLed.onOff(LedRole.ALERT, 17))));
        assertEquals("GPIO 17 is used by two LEDs", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> base.withGpioLeds(List.of(GpioLed.onOff(LedRole.STATUS, 17))).withButton(17, true));
        assertThrows(IllegalArgumentException.class, () -> GpioLed.onOff(LedRole.STATUS, 28));
        assertThrows(IllegalArgumentException.class, () -> GpioLed.pwm(LedRole.RED, 18, 4));
        assertThrows(IllegalArgumentException.class, () -> base.withGpioLeds(List.of(
                GpioLed.pwm(LedRole.RED, 18, 0), GpioLed.pwm(LedRole.GREEN, 12, 0))));
        assertThrows(IllegalArgumentException.class, () -> base.withBrightness(-0.1));
    }
}
