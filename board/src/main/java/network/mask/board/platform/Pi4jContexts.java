package network.mask.board.platform;

import java.util.Optional;
import java.util.logging.Logger;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.platform.Platform;

/** Opens Pi4J without ever letting a GPIO problem stop the node. */
public final class Pi4jContexts {
    private static final Logger LOG = Logger.getLogger(Pi4jContexts.class.getName());

    private Pi4jContexts() {
    }

    /**
     * Pi4J's auto-detected context: the Raspberry Pi platform with the gpiod and linuxfs providers
     * on a Pi, the mock platform on a PC (dev mode). Empty, with one warning, if it cannot start
     * (no /dev/gpiochip access, missing native library).
     */
    public static Optional<Context> auto() {
        try {
            Context context = Pi4J.newAutoContext();
            LOG.info("GPIO through Pi4J platform " + platformId(context));
            return Optional.of(context);
        } catch (RuntimeException | LinkageError e) {
            LOG.warning("GPIO is not available (" + e + "); GPIO LEDs and the button are left out");
            return Optional.empty();
        }
    }

    /** The default platform's id, e.g. "raspberrypi" or "mock-platform". */
    public static String platformId(Context context) {
        Platform platform = context.platform();
        return platform == null ? "none" : platform.id();
    }
}
