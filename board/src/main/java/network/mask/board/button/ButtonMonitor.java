package network.mask.board.button;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Debounces the button and tells short presses from long holds, on the board's clock.
 *
 * <p>Raw edges come in from the GPIO listener with their time; {@link #tick} (every frame) accepts
 * a level once it has held for {@link #DEBOUNCE_MS}, so contact bounce never makes a press. A press
 * counts from the first moment of that stable run.
 *
 * <p>A button that reads pressed when the board starts (stuck, or a floating pin, as happened to
 * a batch of Helium hotspots) is ignored until it has been seen released.
 */
public final class ButtonMonitor {
    public static final long DEBOUNCE_MS = 50;
    /** From here the LEDs count down; releasing now cancels. */
    public static final long COUNTDOWN_AFTER_MS = 3_000;
    public static final long FACTORY_RESET_AFTER_MS = 10_000;

    private static final Logger LOG = Logger.getLogger(ButtonMonitor.class.getName());

    /** What a tick found. */
    public enum Event { SHORT_PRESS, COUNTDOWN_STARTED, COUNTDOWN_CANCELLED, FACTORY_RESET }

    private boolean raw;
    private long rawSince;
    private boolean stable;
    private boolean armed;
    private long pressStart;
    private boolean countdown;
    private boolean fired;
    private long rawEdges;

    public ButtonMonitor(boolean pressedAtStart, long now) {
        raw = pressedAtStart;
        stable = pressedAtStart;
        rawSince = now;
        armed = !pressedAtStart;
        if (pressedAtStart) {
            LOG.warning("The button reads pressed at start; it is ignored until it is released");
        }
    }

    /** A raw level from the pin, at {@code now}. */
    public synchronized void onRawLevel(boolean pressed, long now) {
        if (pressed == raw) {
            return;
        }
        raw = pressed;
        rawSince = now;
        rawEdges++;
    }

    /** Advances the debounce and hold timers to {@code now}. */
    public synchronized List<Event> tick(long now) {
        List<Event> events = new ArrayList<>(2);
        if (raw != stable && now - rawSince >= DEBOUNCE_MS) {
            stable = raw;
            if (stable) {
                pressStart = rawSince;
                fired = false;
            } else {
                release(rawSince - pressStart, events);
            }
        }
        if (stable && armed) {
            long held = now - pressStart;
            if (!countdown && held >= COUNTDOWN_AFTER_MS) {
                countdown = true;
                events.add(Event.COUNTDOWN_STARTED);
            }
            if (!fired && held >= FACTORY_RESET_AFTER_MS) {
                fired = true;
                events.add(Event.FACTORY_RESET);
            }
        }
        return events;
    }

    private void release(long held, List<Event> events) {
        if (!armed) {
            armed = true;
            LOG.info("The button was released; it is now in use");
        } else if (fired) {
            // The reset was already requested while holding; letting go changes nothing.
        } else if (held < COUNTDOWN_AFTER_MS) {
            events.add(Event.SHORT_PRESS);
        } else {
            events.add(Event.COUNTDOWN_CANCELLED);
        }
        countdown = false;
    }

    /** True while the LEDs should show the reset countdown (held past 3 s, until released). */
    public synchronized boolean countdownActive() {
        return countdown;
    }

    /** Raw level changes seen, bounces included. */
    public synchronized long rawEdges() {
        return rawEdges;
    }
}
