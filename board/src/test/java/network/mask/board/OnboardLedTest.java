package network.mask.board;

import static network.mask.board.MockBoard.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.mask.board.platform.PiBoard;

/** The Pi's own ACT and PWR LEDs through a copy of a Pi 4's /sys/class/leds. */
class OnboardLedTest {
    @TempDir
    Path dir;

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String runs(VirtualTime time, Path brightness, long windowMs) {
        List<Integer> levels = new ArrayList<>();
        for (long t = 0; t < windowMs; t += 10) {
            if (t > 0) time.advance(10);
            levels.add(Integer.valueOf(read(brightness)));
        }
        return MockBoard.Recording.runs(levels);
    }

    @Test
    void takesTheLedsFromTheKernelDrivesThemAndGivesThemBack() {
        Path root = FixtureTree.copy("pi4", dir.resolve("root"));
        Path act = root.resolve("sys/class/leds/ACT");
        Path pwr = root.resolve("sys/class/leds/PWR");
        VirtualTime time = new VirtualTime();
        BoardConfig config = BoardConfig.defaults(dir).withRoot(root);
        PiBoard board = PiBoard.open(config, Optional.empty(), time, time);
        assertEquals("none", read(act.resolve("trigger")), "kernel's mmc0 trigger switched off");
        assertEquals("none", read(pwr.resolve("trigger")));
        assertEquals("none", board.platform(), "no GPIO configured, no Pi4J");

        board.setBooting(false);
        board.setDegraded("broker-down", true);
        time.advance(10);
        assertEquals("1x4000", runs(time, act.resolve("brightness"), 4_000), "ACT = STATUS, steady");
        time.advance(10);
        // PWR = ALERT: 500 ms of every 2 s; the recording started 4 s into the state.
        assertEquals(repeat("1x500 0x1500", 2), runs(time, pwr.resolve("brightness"), 4_000));

        board.close();
        assertEquals("mmc0", read(act.resolve("trigger")), "activity LED back to the kernel");
        assertEquals("default-on", read(pwr.resolve("trigger")), "power LED back to the kernel");
    }

    @Test
    void findsOlderKernelsLedNamesAndToleratesMissingOnes() throws IOException {
        Path root = dir.resolve("root");
        Path led0 = Files.createDirectories(root.resolve("sys/class/leds/led0"));
        Files.writeString(led0.resolve("brightness"), "0\n");
        Files.writeString(led0.resolve("max_brightness"), "255\n"); // dimmable: gets duty scaled to 255
        Files.writeString(led0.resolve("trigger"), "none [mmc0] timer heartbeat\n");
        VirtualTime time = new VirtualTime();
        try (PiBoard board = PiBoard.open(BoardConfig.defaults(dir).withRoot(root).withBrightness(0.5),
                Optional.empty(), time, time)) {
            board.setBooting(false);
            time.advance(10);
            // Steady at brightness 0.5: duty 0.25 -> 64 of 255.
            assertEquals("64", read(led0.resolve("brightness")));
            assertEquals(NodeState.RUNNING, board.state());
        }
        assertEquals("mmc0", read(led0.resolve("trigger")));
        assertTrue(Files.notExists(root.resolve("sys/class/leds/led1")));
    }
}
