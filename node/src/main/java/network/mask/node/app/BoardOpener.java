package network.mask.node.app;

import network.mask.board.Board;
import network.mask.board.BoardConfig;
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
        BoardConfig wanted = BoardConfig.defaults(config.node().dataDir())
                .withOnboardLeds(!config.dev())
                .withBrightness(config.led().brightness() / 100.0)
                .withLedsEnabled(config.led().enabled());
        try {
            return Board.open(wanted);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "the board's LEDs could not be opened (" + e + "); running without them");
            return Board.open(wanted.withOnboardLeds(false).withGpioLeds(java.util.List.of()));
        }
    }
}
