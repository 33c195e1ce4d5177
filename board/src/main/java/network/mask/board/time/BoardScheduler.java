package network.mask.board.time;

import java.time.Duration;

/**
 * Runs the board's periodic work (LED frames, button timing, health reads). Injected so tests
 * drive it in virtual time. Tasks of one scheduler never run concurrently with each other.
 */
public interface BoardScheduler {
    /** Runs {@code task} every {@code period}, the first time one period from now. */
    Cancellable every(Duration period, Runnable task);

    /** Stops further runs of a scheduled task. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
