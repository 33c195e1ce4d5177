package network.mask.board;

/**
 * The job of one physical LED. Each node state gives every role a pattern, so the box reads the
 * same whether it has only the Pi's own LEDs, separate GPIO LEDs, or an RGB LED.
 */
public enum LedRole {
    /** The "all is well / activity" light: the Pi's green ACT LED, or a GPIO LED. */
    STATUS,
    /** The "look at me" light: the Pi's red PWR LED, or a red GPIO LED. */
    ALERT,
    /** Red channel of an RGB LED. */
    RED,
    /** Green channel of an RGB LED. */
    GREEN,
    /** Blue channel of an RGB LED. */
    BLUE
}
