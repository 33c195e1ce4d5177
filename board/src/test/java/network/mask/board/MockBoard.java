package network.mask.board;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;

import network.mask.board.button.Pi4jButton;
import network.mask.board.led.LedDriver;
import network.mask.board.led.Pi4jLeds;
import network.mask.board.platform.PiBoard;

/**
 * A board on Pi4J's mock platform in virtual time: two on/off LEDs (STATUS on GPIO17, ALERT on
 * GPIO27), an RGB LED on PWM channels 0..2 and an active-high button on GPIO22.
 */
final class MockBoard implements AutoCloseable {
    static final GpioLed STATUS = GpioLed.onOff(LedRole.STATUS, 17);
    static final GpioLed ALERT = GpioLed.onOff(LedRole.ALERT, 27);
    static final GpioLed RED = GpioLed.pwm(LedRole.RED, 12, 0);
    static final GpioLed GREEN = GpioLed.pwm(LedRole.GREEN, 13, 1);
    static final GpioLed BLUE = GpioLed.pwm(LedRole.BLUE, 18, 2);
    static final List<GpioLed> ALL = List.of(STATUS, ALERT, RED, GREEN, BLUE);
    static final int BUTTON = 22;

    final VirtualTime time = new VirtualTime();
    final Context pi4j;
    final PiBoard board;

    MockBoard(BoardConfig config) {
        pi4j = mockContext();
        board = PiBoard.open(config, Optional.of(pi4j), time, time);
    }

    /** GPIO LEDs and button as above; no sysfs LEDs; /sys and /proc read from an empty directory. */
    static BoardConfig config(Path emptyRoot) {
        return BoardConfig.defaults(emptyRoot).withRoot(emptyRoot).withOnboardLeds(false)
                .withGpioLeds(ALL).withButton(BUTTON, false);
    }

    static Context mockContext() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance())
                .build();
    }

    boolean isOn(GpioLed led) {
        return pi4j.<DigitalOutput>io(Pi4jLeds.id(led)).state() == DigitalState.HIGH;
    }

    int duty(GpioLed led) {
        Pwm pwm = pi4j.io(Pi4jLeds.id(led));
        return pwm.isOn() ? pwm.getDutyCycle() : 0;
    }

    /** 1/0 for on/off LEDs, duty percent for PWM LEDs. */
    int level(GpioLed led) {
        return led.pwmChannel().isPresent() ? duty(led) : (isOn(led) ? 1 : 0);
    }

    MockDigitalInput button() {
        return pi4j.io(Pi4jButton.ID);
    }

    void press() {
        button().mockState(DigitalState.HIGH);
    }

    void release() {
        button().mockState(DigitalState.LOW);
    }

    /** Samples every LED at now and after each following frame, for {@code windowMs}. */
    Recording record(long windowMs) {
        Map<GpioLed, List<Integer>> samples = new LinkedHashMap<>();
        ALL.forEach(l -> samples.put(l, new ArrayList<>()));
        for (long t = 0; t < windowMs; t += LedDriver.FRAME_MS) {
            if (t > 0) {
                time.advance(LedDriver.FRAME_MS);
            }
            samples.forEach((led, list) -> list.add(level(led)));
        }
        return new Recording(samples);
    }

    /** Level samples per LED, one per 10 ms frame. */
    record Recording(Map<GpioLed, List<Integer>> samples) {
        /** Run-length form, e.g. "1x250 0x250": level, then how many ms it lasted. */
        String runs(GpioLed led) {
            return runs(samples.get(led));
        }

        int at(GpioLed led, long ms) {
            return samples.get(led).get((int) (ms / LedDriver.FRAME_MS));
        }

        static String runs(List<Integer> levels) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < levels.size()) {
                int j = i;
                while (j < levels.size() && levels.get(j).equals(levels.get(i))) {
                    j++;
                }
                if (!out.isEmpty()) out.append(' ');
                out.append(levels.get(i)).append('x').append((j - i) * LedDriver.FRAME_MS);
                i = j;
            }
            return out.toString();
        }
    }

    static String repeat(String runs, int times) {
        return String.join(" ", java.util.Collections.nCopies(times, runs));
    }

    @Override
    public void close() {
        board.close();
        pi4j.shutdown();
    }

}
