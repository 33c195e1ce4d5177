package network.mask.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import network.mask.board.time.BoardScheduler;
import network.mask.board.time.MonotonicClock;

/** Test clock and scheduler: time moves only when the test advances it, running due tasks in order. */
final class VirtualTime implements MonotonicClock, BoardScheduler {
    private long now;
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task {
        final long period;
        final Runnable body;
        long next;
        boolean cancelled;

        Task(long next, long period, Runnable body) {
            this.next = next;
            this.period = period;
            this.body = body;
        }
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        Task t = new Task(now + period.toMillis(), period.toMillis(), task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves time forward by {@code ms}, running every task that falls due on the way at its due time. */
    void advance(long ms) {
        long target = now + ms;
        while (true) {
            Task due = null;
            for (Task t : tasks) {
                if (!t.cancelled && t.next <= target && (due == null || t.next < due.next)) {
                    due = t;
                }
            }
            if (due == null) {
                break;
            }
            now = due.next;
            due.next += due.period;
            due.body.run();
        }
        now = target;
    }
}
