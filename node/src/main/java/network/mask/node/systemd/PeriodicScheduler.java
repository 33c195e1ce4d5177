package network.mask.node.systemd;

import java.time.Duration;

/** Runs a task periodically; an interface so tests can drive the watchdog in virtual time. */
@FunctionalInterface
public interface PeriodicScheduler {

    /** Runs {@code task} now and then every {@code period} until the handle is cancelled. */
    Cancellable every(Duration period, Runnable task);

    /** Stops a periodic task. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
