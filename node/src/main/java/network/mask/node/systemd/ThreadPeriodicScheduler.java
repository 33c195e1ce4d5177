package network.mask.node.systemd;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PeriodicScheduler} on its own daemon thread. The watchdog must not share a pool with
 * the work it watches: a stalled pipeline would otherwise stall (or fake) its own keep-alive.
 */
public final class ThreadPeriodicScheduler implements PeriodicScheduler {

    private final String threadName;

    public ThreadPeriodicScheduler(String threadName) {
        this.threadName = threadName;
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(task, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return executor::shutdownNow;
    }
}
