package network.mask.node.boardlink;

import java.time.Duration;
import network.mask.board.ButtonListener;

/**
 * Remembers the last short press of the box's button: pressing it is how an owner proves, like
 * on a Hue bridge, that they stand next to the box when they claim it.
 */
public final class ButtonPresses implements ButtonListener {

    /** How long a press counts as "just now" for the claim page. */
    public static final Duration CLAIM_WINDOW = Duration.ofMinutes(2);

    private volatile long lastPressNanos;
    private volatile boolean pressed;

    @Override
    public synchronized void onShortPress() {
        lastPressNanos = System.nanoTime();
        pressed = true;
    }

    /** Whether the button was pressed within {@code window} before now. */
    public boolean pressedWithin(Duration window) {
        return pressed && System.nanoTime() - lastPressNanos <= window.toNanos();
    }

    public boolean pressedRecently() {
        return pressedWithin(CLAIM_WINDOW);
    }

    /**
     * True once per press within {@link #CLAIM_WINDOW}: the press is used up, so one press lets exactly one
     * claimer in, however many devices ask at the same moment.
     */
    public synchronized boolean takeRecentPress() {
        if (!pressedRecently()) return false;
        pressed = false;
        return true;
    }
}
