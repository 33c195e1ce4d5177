package network.mask.board;

import static network.mask.board.MockBoard.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brightness, the owner's "LEDs off", and dev mode's view of the pattern. */
class DisplaySettingsTest {
    @TempDir
    Path dir;

    @Test
    void brightnessScalesPwmDutyButNotOnOffLeds() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir).withBrightness(0.5))) {
            m.board.setBooting(false);
            m.time.advance(10);
            assertEquals(25, m.duty(MockBoard.GREEN), "(1.0 * 0.5)^2");
            assertEquals(true, m.isOn(MockBoard.STATUS));
            m.board.setBrightness(0.2);
            m.time.advance(10);
            assertEquals(4, m.duty(MockBoard.GREEN), "(1.0 * 0.2)^2");
            m.board.setBrightness(0);
            m.time.advance(10);
            assertEquals(0, m.duty(MockBoard.GREEN));
            assertEquals(false, m.isOn(MockBoard.STATUS), "brightness 0 is dark on every LED");
        }
    }

    @Test
    void ledsOffDarkensEverythingExceptIdentifyAndTheResetCountdown() {
        try (MockBoard m = new MockBoard(MockBoard.config(dir).withLedsEnabled(false))) {
            m.board.setBooting(false);
            m.board.setError("no network");
            m.time.advance(10);
            MockBoard.Recording r = m.record(1_000);
            for (GpioLed led : MockBoard.ALL) {
                assertEquals("0x1000", r.runs(led), led.role() + " dark");
            }
            assertEquals(0.0, m.board.currentPattern().levels().get(LedRole.ALERT));

            m.board.identify(Duration.ofSeconds(2));
            m.time.advance(10);
            assertEquals(repeat("1x200 0x200", 5), m.record(2_000).runs(MockBoard.STATUS), "identify shows anyway");
            m.time.advance(10);
            assertEquals(NodeState.ERROR, m.board.state());
            assertEquals("0x500", m.record(500).runs(MockBoard.ALERT), "and the LEDs go dark again");

            m.press();
            m.time.advance(3_000);
            assertEquals(repeat("1x500 0x500", 2), m.record(2_000).runs(MockBoard.ALERT), "countdown shows anyway");
            m.release();
            m.board.setLedsEnabled(true);
            m.time.advance(50); // the release is accepted after the 50 ms debounce; the error pattern restarts
            assertEquals(repeat("1x250 0x250", 2), m.record(1_000).runs(MockBoard.ALERT), "error shows again");
        }
    }

    @Test
    void devModeLogsEachPatternChangeOnceAndExposesTheLevels() {
        try (LogCapture log = new LogCapture(); MockBoard m = new MockBoard(MockBoard.config(dir))) {
            assertEquals("mock", m.board.platform());
            LedView booting = m.board.currentPattern();
            assertEquals(NodeState.BOOTING, booting.state());
            assertEquals(Map.of(LedRole.STATUS, 0.0, LedRole.ALERT, 0.0, LedRole.RED, 0.0, LedRole.GREEN, 0.0,
                    LedRole.BLUE, 0.0), booting.levels(), "a breath starts dark");
            m.board.setBooting(false);
            m.board.setClaiming(true);
            m.time.advance(10);
            LedView claiming = m.board.currentPattern();
            assertEquals(NodeState.CLAIMING, claiming.state());
            assertEquals("Press the button: STATUS and RGB (blue) blink fast, twice a second", claiming.description());
            assertEquals(Map.of(LedRole.STATUS, 1.0, LedRole.ALERT, 0.0, LedRole.RED, 0.0, LedRole.GREEN, 0.0,
                    LedRole.BLUE, 1.0), claiming.levels());
            m.time.advance(250);
            assertEquals(0.0, m.board.currentPattern().levels().get(LedRole.STATUS));
            m.time.advance(5_000);
            assertEquals(1, log.count(Level.INFO, "LEDs: Press the button"), "logged on change, not every frame");
            assertEquals(1, log.count(Level.INFO, "LEDs: Starting up"));
        }
    }
}
