package network.mask.webui.spi;

/** Owner actions from the dashboard. Each returns quickly and does its work in the background. */
public interface NodeControl {

    /** Restart the node process (e.g. exit and let systemd start it again). */
    void restart();

    /** Blink the LEDs for a few seconds so the owner can find the box. */
    void identify();

    /** Stops the identify blinking before its time is up. */
    default void stopIdentifying() {
    }

    /** Erase keys, settings and the admin password, then restart unclaimed. */
    void factoryReset();
}
