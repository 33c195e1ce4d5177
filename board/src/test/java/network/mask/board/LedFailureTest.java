package network.mask.board;

import static network.mask.board.MockBoard.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

import network.mask.board.led.GuardedLed;
import network.mask.board.led.Led;
import network.mask.board.led.LedDriver;
import network.mask.board.led.Pi4jLeds;
import network.mask.board.platform.PiBoard;

/** A broken or missing LED is logged once, left out, and never stops the rest. */
class LedFailureTest {
    @TempDir
    Path dir;

    @Test
    void anOnboardLedThatVanishesIsLoggedOnceAndTheOthersCarryOn() throws Exception {
        Path root = FixtureTree.copy("pi4", dir.resolve("root"));
        try (LogCapture log = new LogCapture();
             MockBoard m = new MockBoard(MockBoard.config(root).withOnboardLeds(true))) {
            Path act = root.resolve("sys/class/leds/ACT/brightness");
            Path pwr = root.resolve("sys/class/leds/PWR/brightness");
            m.board.setBooting(false);
            m.time.advance(10);
            assertEquals("1", Files.readString(act));
            Files.delete(act); // the LED device goes away under the running node
            m.board.setClaiming(true); // blinking: the ACT LED is written again and fails
            m.time.advance(10);
            MockBoard.Recording r = m.record(2_000);
            assertEquals(repeat("1x250 0x250", 4), r.runs(MockBoard.STATUS), "GPIO STATUS LED unaffected");
            assertEquals(repeat("100x250 0x250", 4), r.runs(MockBoard.BLUE), "RGB LED unaffected");
            assertFalse(Files.exists(act), "a vanished sysfs attribute is never re-created as a plain file");
            assertEquals(1, log.count(Level.WARNING, "LED ACT (sysfs) failed"), log.messages(Level.WARNING).toString());
            m.board.setClaiming(false);
            m.board.setError("disk full");
            m.time.advance(10);
            List<String> pwrLevels = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                pwrLevels.add(Files.readString(pwr));
                m.time.advance(10);
            }
            assertEquals(repeat("1x250 0x250", 2), MockBoard.Recording.runs(pwrLevels.stream().map(Integer::valueOf).toList()),
                    "the PWR LED still works");
            assertEquals(1, log.count(Level.WARNING, "LED ACT (sysfs) failed"));
            assertEquals(NodeState.ERROR, m.board.state());
        }
    }

    /** Our own {@link Led} interface, failing on every write. */
    private static final class ThrowingLed implements Led {
        int writes;

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public boolean dimmable() {
            return false;
        }

        @Override
        public void write(double duty) {
            writes++;
            throw new IllegalStateException("LED driver chip not responding");
        }

        @Override
        public void close() {
            throw new IllegalStateException("still not responding");
        }
    }

    /** A working LED that records what it was told. */
    private static final class RecordingLed implements Led {
        final List<Double> writes = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean dimmable() {
            return false;
        }

        @Override
        public void write(double duty) {
            writes.add(duty);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theDriverSkipsAThrowingLedAfterItsFirstFailure() {
        ThrowingLed broken = new ThrowingLed();
        RecordingLed good = new RecordingLed();
        GuardedLed guardedBroken = new GuardedLed(broken);
        LedDriver driver = new LedDriver(List.of(new LedDriver.Binding(LedRole.STATUS, guardedBroken),
                new LedDriver.Binding(LedRole.STATUS, new GuardedLed(good))), 1.0, true);
        for (long t = 0; t < 1_000; t += 10) {
            driver.render(NodeState.CLAIMING, 0, t);
        }
        assertEquals(1, broken.writes);
        assertTrue(guardedBroken.failed());
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0), good.writes, "only transitions are written");
        driver.close(); // a failing close is swallowed too
    }

    @Test
    void withoutAPwmProviderRgbFallsBackToOnOff() {
        Context noPwm = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        VirtualTime time = new VirtualTime();
        try (LogCapture log = new LogCapture();
             PiBoard board = PiBoard.open(MockBoard.config(dir), Optional.of(noPwm), time, time)) {
            board.setBooting(false);
            board.setDegraded("no-peers", true);
            time.advance(10);
            // Amber on on/off channels: red on, green (half level) on, blue off.
            assertEquals(DigitalState.HIGH, noPwm.<DigitalOutput>io(Pi4jLeds.id(MockBoard.RED)).state());
            assertEquals(DigitalState.HIGH, noPwm.<DigitalOutput>io(Pi4jLeds.id(MockBoard.GREEN)).state());
            assertEquals(DigitalState.LOW, noPwm.<DigitalOutput>io(Pi4jLeds.id(MockBoard.BLUE)).state());
            assertEquals(3, log.count(Level.WARNING, "driving it on/off instead"));
        } finally {
            noPwm.shutdown();
        }
    }

    @Test
    void withoutAnyGpioProviderTheBoardStillRuns() throws Exception {
        Context bare = Pi4J.newContextBuilder().add(new MockPlatform()).build();
        Path root = FixtureTree.copy("pi4", dir.resolve("root"));
        VirtualTime time = new VirtualTime();
        try (LogCapture log = new LogCapture();
             PiBoard board = PiBoard.open(MockBoard.config(root).withOnboardLeds(true), Optional.of(bare), time, time)) {
            board.setBooting(false);
            time.advance(10);
            assertEquals(NodeState.RUNNING, board.state());
            assertEquals("1", Files.readString(root.resolve("sys/class/leds/ACT/brightness")), "onboard LED still driven");
            assertEquals(5, log.count(Level.WARNING, "LED on GPIO"), "each GPIO LED left out with a warning");
            assertEquals(1, log.count(Level.WARNING, "button on GPIO22 cannot be claimed"));
        } finally {
            bare.shutdown();
        }
    }
}
