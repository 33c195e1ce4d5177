package network.mask.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production entry point: Pi4J auto-detection and the real background thread. */
class PlatformTest {
    @TempDir
    Path dir;

    private static boolean onARaspberryPi() throws IOException {
        Path model = Path.of("/proc/device-tree/model");
        return Files.exists(model) && Files.readString(model).contains("Raspberry Pi");
    }

    @Test
    void pi4jAutoDetectionUsesTheMockProvidersOnAPc() throws IOException {
        BoardConfig config = BoardConfig.defaults(dir).withRoot(dir).withOnboardLeds(false)
                .withGpioLeds(List.of(GpioLed.onOff(LedRole.STATUS, 17), GpioLed.pwm(LedRole.GREEN, 18, 0)))
                .withButton(22, true);
        try (Board board = Board.open(config)) {
            assertEquals(onARaspberryPi() ? "gpiod" : "mock", board.platform());
            assertEquals(NodeState.BOOTING, board.state());
        }
    }

    @Test
    void withoutGpioNoPi4jIsStartedAndFramesRunOnTheBoardThread() throws InterruptedException {
        try (Board board = Board.open(BoardConfig.defaults(dir).withRoot(dir))) {
            assertEquals("none", board.platform());
            board.setBooting(false);
            // Liveness, not speed: the background thread renders a new frame within a generous bound.
            for (int i = 0; i < 500 && board.state() != NodeState.RUNNING; i++) {
                Thread.sleep(10);
            }
            assertEquals(NodeState.RUNNING, board.state());
        }
    }
}
