package network.mask.board.platform;

import java.util.Optional;
import java.util.logging.Logger;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IOType;

/** Opens Pi4J without ever letting a GPIO problem stop the node. */
public final class Pi4jContexts {
    private static final Logger LOG = Logger.getLogger(Pi4jContexts.class.getName());

    private Pi4jContexts() {
    }

    /**
     * Pi4J's auto-detected context: gpiod (pins) and linuxfs (PWM) on a Pi, the mock providers on a
     * PC (dev mode). Pi4J 3.0.3 loads its mock plugin only when BoardInfoHelper says it is not on a
     * Pi, and the mock providers' priority (1000) then beats gpiod (150) and linuxfs (50). Empty,
     * with one warning, if it cannot start (no /dev/gpiochip access, missing native library).
     */
    public static Optional<Context> auto() {
        try {
            Context context = Pi4J.newAutoContext();
            LOG.info("GPIO through Pi4J: " + backend(context));
            return Optional.of(context);
        } catch (RuntimeException | LinkageError e) {
            LOG.warning("GPIO is not available (" + e + "); GPIO LEDs and the button are left out");
            return Optional.empty();
        }
    }

    /**
     * Which provider family drives the pins: "gpiod", "linuxfs", "raspberrypi" or "mock". (The
     * default platform's id says "raspberrypi" on a PC too, so it cannot tell a mock from a Pi.)
     */
    public static String backend(Context context) {
        try {
            String id = context.provider(IOType.DIGITAL_OUTPUT).id();
            int dash = id.indexOf('-');
            return dash > 0 ? id.substring(0, dash) : id;
        } catch (RuntimeException e) {
            return "none";
        }
    }
}
