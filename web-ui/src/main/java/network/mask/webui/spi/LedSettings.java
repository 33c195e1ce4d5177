package network.mask.webui.spi;

/** Status LED preferences: brightness in percent (0-100) and whether the LEDs are used at all. */
public record LedSettings(int brightnessPercent, boolean on) {
}
