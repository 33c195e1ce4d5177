package network.mask.board;

import static network.mask.board.MockBoard.ALERT;
import static network.mask.board.MockBoard.BLUE;
import static network.mask.board.MockBoard.GREEN;
import static network.mask.board.MockBoard.RED;
import static network.mask.board.MockBoard.STATUS;
import static network.mask.board.MockBoard.repeat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every state's exact LED sequence on Pi4J's mock platform, read back from the mock DigitalOutputs
 * (STATUS, ALERT: 1 = high) and PWMs (RGB: duty %), sampled every 10 ms frame from the moment the
 * state starts. Expected values are the README's table written out by hand.
 */
class PatternSequenceTest {
    @TempDir
    Path dir;

    /** Brings the board into {@code state} and returns with virtual time at the state's first frame. */
    private static void enter(MockBoard m, NodeState state) {
        Board b = m.board;
        switch (state) {
            case BOOTING -> { // the state at power-on; here re-entered so its start is not time zero
                b.setBooting(false);
                m.time.advance(10);
                b.setBooting(true);
            }
            case NEEDS_SETUP -> { b.setBooting(false); b.setSetupNeeded(true); }
            case CLAIMING -> { b.setBooting(false); b.setClaiming(true); }
            case RUNNING -> b.setBooting(false);
            case RUNNING_WITH_TRAFFIC -> { b.setBooting(false); b.setPacketRate(120); }
            case DEGRADED -> { b.setBooting(false); b.setDegraded("no-peers", true); }
            case ERROR -> b.setError("mixnode cannot bind port 1789");
            case IDENTIFY -> b.identify(Duration.ofSeconds(60));
            case FACTORY_RESET_COUNTDOWN -> {
                m.press();
                m.time.advance(3_000); // debounced at +50 ms, counted from the press: countdown at +3 s
                return;
            }
        }
        m.time.advance(10); // the next frame shows it
    }

    @ParameterizedTest
    @EnumSource(NodeState.class)
    void everyStateHasItsExactSequence(NodeState state) {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            m.time.advance(1_000); // not at time zero, so "since the state began" really is relative
            enter(m, state);
            assertEquals(state, m.board.state());
            long window = state == NodeState.FACTORY_RESET_COUNTDOWN ? 8_000 : 4_000;
            MockBoard.Recording r = m.record(window);
            Expected e = expected(state);
            assertAll(state.name(),
                    () -> assertEquals(e.status, r.runs(STATUS), "STATUS"),
                    () -> assertEquals(e.alert, r.runs(ALERT), "ALERT"),
                    () -> assertEquals(e.red, r.runs(RED), "RED duty %"),
                    () -> assertEquals(e.green, r.runs(GREEN), "GREEN duty %"),
                    () -> assertEquals(e.blue, r.runs(BLUE), "BLUE duty %"));
        }
    }

    private record Expected(String status, String alert, String red, String green, String blue) {
    }

    private static Expected expected(NodeState state) {
        String dark = "0x4000";
        return switch (state) {
            // Breathing: on/off LEDs lit for the middle half of each 2 s; PWM follows the square of a triangle.
            case BOOTING -> new Expected("0x500 1x1000 0x1000 1x1000 0x500", dark,
                    breathing(), breathing(), breathing());
            case NEEDS_SETUP -> new Expected(repeat("1x200 0x200 1x200 0x1400", 2), dark, dark, dark,
                    repeat("100x200 0x200 100x200 0x1400", 2));
            case CLAIMING -> new Expected(repeat("1x250 0x250", 8), dark, dark, dark, repeat("100x250 0x250", 8));
            case RUNNING -> new Expected("1x4000", dark, dark, "100x4000", dark);
            // 120 packets/s: flicker every 500 ms, dark for 60 ms.
            case RUNNING_WITH_TRAFFIC -> new Expected(repeat("0x60 1x440", 8), dark, dark,
                    repeat("0x60 100x440", 8), dark);
            // Amber = red full, green at half level: 0.5 squared = 25 % duty.
            case DEGRADED -> new Expected("1x4000", repeat("1x500 0x1500", 2), "100x4000", "25x4000", dark);
            case ERROR -> new Expected(dark, repeat("1x250 0x250", 8), repeat("100x250 0x250", 8), dark, dark);
            case IDENTIFY -> new Expected(repeat("1x200 0x200", 10), repeat("0x200 1x200", 10),
                    repeat("100x200 0x200", 10), repeat("100x200 0x200", 10), repeat("100x200 0x200", 10));
            case FACTORY_RESET_COUNTDOWN -> new Expected("0x8000",
                    repeat("1x500 0x500", 4) + " " + repeat("1x250 0x250", 4) + " " + repeat("1x100 0x100", 5) + " 1x1000",
                    repeat("100x500 0x500", 4) + " " + repeat("100x250 0x250", 4) + " " + repeat("100x100 0x100", 5) + " 100x1000",
                    "0x8000", "0x8000");
        };
    }

    /** Duty % of a 2 s breath sampled every 10 ms over 4 s, written from the formula round(100 * level^2). */
    private static String breathing() {
        List<Integer> duties = new ArrayList<>();
        for (long t = 0; t < 4_000; t += 10) {
            long p = t % 2_000;
            double level = p < 1_000 ? p / 1000.0 : (2_000 - p) / 1000.0;
            duties.add((int) Math.round(100 * level * level));
        }
        return MockBoard.Recording.runs(duties);
    }

    @Test
    void breathingHitsItsKeyPoints() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            MockBoard.Recording r = m.record(2_010);
            // t = 0 dark, 250 ms: level 0.25 -> 6 %, 500: 25 %, 750: 56 %, 1 s full, 1.5 s 25 %, 2 s dark again.
            long[] at = {0, 250, 500, 750, 1_000, 1_500, 2_000};
            int[] duty = {0, 6, 25, 56, 100, 25, 0};
            for (int i = 0; i < at.length; i++) {
                assertEquals(duty[i], r.at(RED, at[i]), "red at " + at[i]);
                assertEquals(duty[i], r.at(BLUE, at[i]), "blue at " + at[i]);
            }
        }
    }

    @Test
    void trafficFlickerFollowsPacketRate() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir))) {
            m.board.setBooting(false);
            m.board.setPacketRate(10); // 1..49/s: every 2 s
            m.time.advance(10);
            assertEquals("0x60 1x1940 0x60 1x1940", m.record(4_000).runs(STATUS));
            m.board.setPacketRate(60); // 50..99/s: every second; same state, so the phase carries on
            assertEquals("1x10 0x60 1x940 0x60 1x940 0x60 1x940 0x60 1x930", m.record(4_000).runs(STATUS));
            m.board.setPacketRate(5_000); // 200/s and more: 4 per second, still in phase
            m.time.advance(10);
            assertEquals("1x10 " + repeat("0x60 1x190", 15), m.record(3_760).runs(STATUS));
            m.board.setPacketRate(0.5); // below 1/s: plain running
            m.time.advance(10);
            assertEquals(NodeState.RUNNING, m.board.state());
            assertEquals("1x1000", m.record(1_000).runs(STATUS));
        }
    }
}
