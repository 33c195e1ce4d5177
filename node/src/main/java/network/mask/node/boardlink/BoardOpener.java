package network.mask.node.boardlink;

import java.util.ArrayList;
import java.util.List;
import network.mask.board.Board;
import network.mask.board.BoardConfig;
import network.mask.board.GpioLed;
import network.mask.board.LedRole;
import network.mask.node.config.NodeConfig;

/**
 * Opens the box's LEDs, button and health readings from the node's configuration. On a developer
 * PC ({@code --dev}) the PC's own LEDs are left alone and nothing touches GPIO: the board only keeps
 * the pattern it would show, for the log and the dashboard's LED mirror.
 */
public final class BoardOpener {

    private static final System.Logger LOG = System.getLogger(BoardOpener.class.getName());

    private BoardOpener() {}

    /** Never fails because of the hardware: without usable LEDs the board runs with none. */
    public static Board open(NodeConfig config) {
        BoardConfig wanted = boardConfig(config);
        try {
            return Board.open(wanted);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "the board's LEDs could not be opened (" + e + "); running without them");
            return Board.open(wanted.withOnboardLeds(false).withGpioLeds(List.of()));
        }
    }

    /** What the {@code [board]} and {@code [led]} settings ask for; in dev mode, no hardware at all. */
    static BoardConfig boardConfig(NodeConfig config) {
        BoardConfig wanted = BoardConfig.defaults(config.node().dataDir())
                .withOnboardLeds(!config.dev() && config.board().onboardLeds())
                .withBrightness(config.led().brightness() / 100.0)
                .withLedsEnabled(config.led().enabled());
        if (config.dev()) return wanted;
        NodeConfig.Board b = config.board();
        List<GpioLed> leds = new ArrayList<>();
        b.statusLed().ifPresent(pin -> leds.add(GpioLed.onOff(LedRole.STATUS, pin)));
        b.alertLed().ifPresent(pin -> leds.add(GpioLed.onOff(LedRole.ALERT, pin)));
        List<Integer> rgb = b.rgbPins();
        if (!rgb.isEmpty()) {
            leds.add(GpioLed.onOff(LedRole.RED, rgb.get(0)));
            leds.add(GpioLed.onOff(LedRole.GREEN, rgb.get(1)));
            leds.add(GpioLed.onOff(LedRole.BLUE, rgb.get(2)));
        }
        wanted = wanted.withGpioLeds(leds);
        return b.button().isPresent() ? wanted.withButton(b.button().getAsInt(), b.buttonActiveLow()) : wanted;
    }

    /** Whether the box has a button the owner can press (never on a developer PC). */
    public static boolean hasButton(NodeConfig config) {
        return !config.dev() && config.board().button().isPresent();
    }
}
