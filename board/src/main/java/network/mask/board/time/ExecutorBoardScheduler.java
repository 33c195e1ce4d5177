package network.mask.board.time;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The production scheduler: one daemon thread, so LED, button and health work never overlap. */
public final class ExecutorBoardScheduler implements BoardScheduler, AutoCloseable {
    private final ScheduledExecutorService executor;

    public ExecutorBoardScheduler() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mask-board");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        long ms = period.toMillis();
        var future = executor.scheduleAtFixedRate(task, ms, ms, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
