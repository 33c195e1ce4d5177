package network.mask.node.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ToLongFunction;

/**
 * Turns the monotonic counters of successive snapshots into per-second rates. Readers poll at
 * their own pace (an HTTP scrape, a telemetry tick), so the window keeps a short history and
 * measures against the newest sample that is at least {@code minSpan} old: two readers polling
 * close together then still see a rate over a meaningful span instead of over a few
 * milliseconds. Thread-safe; cheap (one small deque).
 */
public final class RateWindow {

    private final Duration minSpan;
    private final Duration keep;
    private final Deque<MetricsSnapshot> samples = new ArrayDeque<>();

    /** @param minSpan shortest span a rate is measured over, once that much history exists */
    public RateWindow(Duration minSpan) {
        if (minSpan.isNegative() || minSpan.isZero()) throw new IllegalArgumentException("minSpan must be positive");
        this.minSpan = minSpan;
        this.keep = minSpan.multipliedBy(4);
    }

    /** Records {@code now} and returns it paired with the reference sample rates are measured from. */
    public synchronized Rates sample(MetricsSnapshot now) {
        MetricsSnapshot reference = null;
        for (MetricsSnapshot s : samples) {
            if (!s.at().plus(minSpan).isAfter(now.at())) reference = s;   // old enough: keep the newest such
        }
        if (reference == null) reference = samples.isEmpty() ? now : samples.peekFirst();
        MetricsSnapshot newest = samples.peekLast();
        if (newest == null || now.at().isAfter(newest.at())) samples.addLast(now);
        while (samples.size() > 2 && samples.peekFirst().at().plus(keep).isBefore(now.at())) samples.removeFirst();
        return new Rates(reference, now);
    }

    /** A pair of snapshots; every rate is (later - earlier) / seconds between them, 0 if no time passed. */
    public record Rates(MetricsSnapshot earlier, MetricsSnapshot later) {

        public double perSecond(ToLongFunction<MetricsSnapshot> counter) {
            return MetricsSnapshot.ratePerSecond(counter.applyAsLong(earlier), counter.applyAsLong(later),
                    earlier.at(), later.at());
        }

        /** Rate of drops for one reason; a reason first seen in {@code later} counts from zero. */
        public double droppedPerSecond(String reason) {
            return perSecond(s -> s.droppedByReason().getOrDefault(reason, 0L));
        }
    }
}
