package network.mask.board;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One LED wired to a GPIO pin.
 *
 * @param role       what the LED shows
 * @param bcm        BCM GPIO number (0..27 on the 40-pin header)
 * @param pwmChannel hardware PWM channel for dimming (the kernel's pwm-2chan overlay maps
 *                   pins to channels: Pi 4 GPIO18/12 = 0, GPIO19/13 = 1; Pi 5 GPIO12 = 0,
 *                   GPIO13 = 1, GPIO18 = 2, GPIO19 = 3); empty for a plain on/off LED
 */
public record GpioLed(LedRole role, int bcm, OptionalInt pwmChannel) {
    public GpioLed {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(pwmChannel, "pwmChannel");
        if (bcm < 0 || bcm > 27) {
            throw new IllegalArgumentException("LED pin must be a BCM GPIO number 0..27, got " + bcm);
        }
        if (pwmChannel.isPresent() && (pwmChannel.getAsInt() < 0 || pwmChannel.getAsInt() > 3)) {
            throw new IllegalArgumentException("PWM channel must be 0..3, got " + pwmChannel.getAsInt());
        }
    }

    /** An on/off LED. */
    public static GpioLed onOff(LedRole role, int bcm) {
        return new GpioLed(role, bcm, OptionalInt.empty());
    }

    /** A dimmable LED on a hardware PWM channel. */
    public static GpioLed pwm(LedRole role, int bcm, int channel) {
        return new GpioLed(role, bcm, OptionalInt.of(channel));
    }
}
