package network.mask.board.led;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a failing LED from stopping anything: the first failure is logged once, then the LED is
 * left dark and skipped. Also writes only on change, so sysfs and GPIO see transitions only.
 */
public final class GuardedLed {
    private static final Logger LOG = Logger.getLogger(GuardedLed.class.getName());

    private final Led led;
    private double last = Double.NaN;
    private volatile boolean failed;

    public GuardedLed(Led led) {
        this.led = led;
    }

    public Led led() {
        return led;
    }

    public boolean failed() {
        return failed;
    }

    public void show(double duty) {
        if (failed || duty == last) {
            return;
        }
        try {
            led.write(duty);
            last = duty;
        } catch (Exception | LinkageError e) {
            failed = true;
            LOG.log(Level.WARNING, "LED " + led.name() + " failed and is now left out: " + e, e);
        }
    }

    public void close() {
        if (failed) {
            return;
        }
        try {
            led.close();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "LED " + led.name() + " could not be released: " + e);
        }
    }
}
