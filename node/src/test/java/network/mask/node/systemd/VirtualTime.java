package network.mask.node.systemd;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A clock and periodic scheduler that only move when the test says so. Tasks due at the same
 * instant run in the order they were scheduled.
 */
final class VirtualTime implements PeriodicScheduler, InstantSource {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Periodic> tasks = new ArrayList<>();

    private static final class Periodic {
        final Duration period;
        final Runnable task;
        Instant next;
        boolean cancelled;

        Periodic(Duration period, Runnable task, Instant next) {
            this.period = period;
            this.task = task;
            this.next = next;
        }
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        Periodic p = new Periodic(period, task, now.plus(period));
        tasks.add(p);
        task.run(); // like the thread scheduler: first run at once
        return () -> p.cancelled = true;
    }

    /** Moves time forward, running every task that falls due on the way, in time order. */
    void advance(Duration by) {
        Instant end = now.plus(by);
        while (true) {
            Optional<Periodic> due = tasks.stream()
                    .filter(p -> !p.cancelled && !p.next.isAfter(end))
                    .min(Comparator.comparing((Periodic p) -> p.next)); // stable: first scheduled wins ties
            if (due.isEmpty()) break;
            Periodic p = due.get();
            now = p.next;
            p.next = p.next.plus(p.period);
            p.task.run();
        }
        now = end;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
