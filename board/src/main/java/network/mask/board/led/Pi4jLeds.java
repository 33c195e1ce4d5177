package network.mask.board.led;

import java.util.logging.Logger;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;

import network.mask.board.GpioLed;

/** LEDs on GPIO pins through Pi4J: hardware PWM where configured, on/off otherwise. */
public final class Pi4jLeds {
    private static final Logger LOG = Logger.getLogger(Pi4jLeds.class.getName());
    /** Well above flicker fusion and within what the Pi's PWM block does cleanly. */
    static final int PWM_FREQUENCY_HZ = 1000;

    private Pi4jLeds() {
    }

    /** The Pi4J id of the LED on this pin, e.g. "mask-led-17". */
    public static String id(GpioLed led) {
        return "mask-led-" + led.bcm();
    }

    /**
     * Claims the LED's pin. A PWM LED whose channel cannot be opened falls back to on/off on
     * its pin, so a missing overlay costs dimming, not the LED.
     */
    public static Led create(Context pi4j, GpioLed led) {
        if (led.pwmChannel().isPresent()) {
            try {
                Pwm pwm = pi4j.create(Pwm.newConfigBuilder(pi4j)
                        .id(id(led))
                        .name(led.role() + " LED on GPIO" + led.bcm())
                        .address(led.pwmChannel().getAsInt())
                        .pwmType(PwmType.HARDWARE)
                        .frequency(PWM_FREQUENCY_HZ)
                        .initial(0)
                        .shutdown(0)
                        .build());
                return new PwmLed(pi4j, pwm, led);
            } catch (RuntimeException e) {
                LOG.warning("PWM channel " + led.pwmChannel().getAsInt() + " for GPIO" + led.bcm()
                        + " is not available (" + e.getMessage() + "); driving it on/off instead");
            }
        }
        DigitalOutput out = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(id(led))
                .name(led.role() + " LED on GPIO" + led.bcm())
                .address(led.bcm())
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .build());
        return new OnOffLed(pi4j, out, led);
    }

    private record OnOffLed(Context pi4j, DigitalOutput out, GpioLed led) implements Led {
        @Override
        public String name() {
            return "GPIO" + led.bcm();
        }

        @Override
        public boolean dimmable() {
            return false;
        }

        @Override
        public void write(double duty) {
            out.state(duty >= 0.5 ? DigitalState.HIGH : DigitalState.LOW);
        }

        @Override
        public void close() {
            out.low();
            pi4j.shutdown(out.id());
        }
    }

    private record PwmLed(Context pi4j, Pwm pwm, GpioLed led) implements Led {
        @Override
        public String name() {
            return "GPIO" + led.bcm() + " (PWM channel " + led.pwmChannel().getAsInt() + ")";
        }

        @Override
        public boolean dimmable() {
            return true;
        }

        @Override
        public void write(double duty) {
            int percent = (int) Math.round(duty * 100);
            if (percent <= 0) {
                pwm.off();
            } else {
                pwm.on(percent, PWM_FREQUENCY_HZ);
            }
        }

        @Override
        public void close() {
            pwm.off();
            pi4j.shutdown(pwm.id());
        }
    }
}
