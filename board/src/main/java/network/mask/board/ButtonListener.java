package network.mask.board;

/**
 * Told about short presses of the button (under 3 s), which confirm a setup claim the way a
 * Hue bridge's link button does. Called on the board's thread: return quickly.
 */
@FunctionalInterface
public interface ButtonListener {
    void onShortPress();
}
