package network.mask.node.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the (capped) delays packets were held for, in Prometheus-style buckets, and keeps their
 * sum so averages can be derived. Lock-free: every recording touches two {@link LongAdder}s.
 */
public final class DelayHistogram {

    /** Upper bucket bounds in milliseconds; a final +Inf bucket follows. */
    static final double[] BOUNDS_MS = {1, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

    private final LongAdder[] buckets = new LongAdder[BOUNDS_MS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    public DelayHistogram() {
        for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
    }

    /** A negative delay (a packet released late by a clock step) counts as 0. */
    public void record(long delayNanos) {
        long nanos = Math.max(0, delayNanos);
        double ms = nanos / 1_000_000.0;
        int i = 0;
        while (i < BOUNDS_MS.length && ms > BOUNDS_MS[i]) i++;
        buckets[i].increment();
        sumNanos.add(nanos);
    }

    /** Cumulative counts by upper bound, +Inf last, as Prometheus exposes a histogram. */
    public Map<Double, Long> cumulative() {
        Map<Double, Long> out = new LinkedHashMap<>();
        long sum = 0;
        for (int i = 0; i < buckets.length; i++) {
            sum += buckets[i].sum();
            out.put(i < BOUNDS_MS.length ? BOUNDS_MS[i] : Double.POSITIVE_INFINITY, sum);
        }
        return out;
    }

    /**
     * Sum of every recorded delay in nanoseconds. Read apart from the buckets, so while packets
     * are being recorded it may include a few that {@link #cumulative()} did not yet count, as
     * with any lock-free Prometheus histogram.
     */
    public long sumNanos() {
        return sumNanos.sum();
    }
}
