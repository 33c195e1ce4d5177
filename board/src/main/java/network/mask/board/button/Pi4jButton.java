package network.mask.board.button;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

import network.mask.board.time.MonotonicClock;

/** The push button on a GPIO input, feeding its raw edges to a {@link ButtonMonitor}. */
public final class Pi4jButton {
    /** The Pi4J id of the button input. */
    public static final String ID = "mask-button";

    private final Context pi4j;
    private final DigitalInput input;
    private final ButtonMonitor monitor;

    private Pi4jButton(Context pi4j, DigitalInput input, ButtonMonitor monitor) {
        this.pi4j = pi4j;
        this.input = input;
        this.monitor = monitor;
    }

    /** Claims the pin (pulled up for a button to ground, down otherwise) and starts listening. */
    public static Pi4jButton open(Context pi4j, int bcm, boolean activeLow, MonotonicClock clock) {
        DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(ID)
                .name("Button on GPIO" + bcm)
                .address(bcm)
                .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .build());
        DigitalState pressedLevel = activeLow ? DigitalState.LOW : DigitalState.HIGH;
        ButtonMonitor monitor = new ButtonMonitor(input.state() == pressedLevel, clock.millis());
        input.addListener(e -> {
            if (e.state() == DigitalState.HIGH || e.state() == DigitalState.LOW) {
                monitor.onRawLevel(e.state() == pressedLevel, clock.millis());
            }
        });
        return new Pi4jButton(pi4j, input, monitor);
    }

    public ButtonMonitor monitor() {
        return monitor;
    }

    public void close() {
        pi4j.shutdown(input.id());
    }
}
