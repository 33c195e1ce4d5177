package network.mask.node.boardlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import network.mask.board.BoardConfig;
import network.mask.board.GpioLed;
import network.mask.board.LedRole;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardOpenerTest {

    @TempDir Path dir;

    NodeConfig load(String toml, boolean dev) throws Exception {
        Path f = dir.resolve("masknode.toml");
        Files.writeString(f, toml);
        return ConfigLoader.load(new ConfigLoader.Overrides(f, dir.resolve("data"), null, null, null, null, dev));
    }

    static final String WIRED = """
            [led]
            brightness = 40
            enabled = false
            [board]
            onboard_leds = false
            button_bcm = 23
            button_active_low = false
            status_led_bcm = 24
            alert_led_bcm = 25
            rgb_led = "5,6,26"
            """;

    @Test
    void theBoardSettingsBecomeTheBoardsWiring() throws Exception {
        BoardConfig b = BoardOpener.boardConfig(load(WIRED, false));
        assertFalse(b.onboardLeds());
        assertEquals(OptionalInt.of(23), b.buttonBcm());
        assertFalse(b.buttonActiveLow());
        assertEquals(List.of(GpioLed.onOff(LedRole.STATUS, 24), GpioLed.onOff(LedRole.ALERT, 25),
                GpioLed.onOff(LedRole.RED, 5), GpioLed.onOff(LedRole.GREEN, 6), GpioLed.onOff(LedRole.BLUE, 26)), b.gpioLeds());
        assertEquals(0.4, b.brightness(), 1e-9);
        assertFalse(b.ledsEnabled());
        assertEquals(dir.resolve("data"), b.dataDir());
        assertTrue(BoardOpener.hasButton(load(WIRED, false)));
    }

    @Test
    void defaultsUseOnlyThePisOwnLights() throws Exception {
        NodeConfig c = load("", false);
        BoardConfig b = BoardOpener.boardConfig(c);
        assertTrue(b.onboardLeds());
        assertTrue(b.buttonBcm().isEmpty());
        assertEquals(List.of(), b.gpioLeds());
        assertFalse(BoardOpener.hasButton(c));
    }

    @Test
    void devModeTouchesNoLightsAndNoGpioWhateverTheFileSays() throws Exception {
        NodeConfig c = load(WIRED, true);
        BoardConfig b = BoardOpener.boardConfig(c);
        assertFalse(b.onboardLeds());
        assertTrue(b.buttonBcm().isEmpty());
        assertEquals(List.of(), b.gpioLeds());
        assertFalse(BoardOpener.hasButton(c), "no button to press on a PC: the console code is the only claim");
        assertEquals(0.4, b.brightness(), 1e-9);
    }
}
