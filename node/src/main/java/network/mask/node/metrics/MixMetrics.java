package network.mask.node.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The pipeline's counters. Hot paths only touch {@link LongAdder}s; gauges are read from the
 * components that own them when a snapshot is taken.
 */
public final class MixMetrics implements MetricsSource {

    /** Gauges the components report; each defaults to 0 until its owner registers. */
    public enum Gauge { INGRESS_QUEUE, SCHEDULED, EGRESS_QUEUE, INBOUND_CONNECTIONS, OUTBOUND_CONNECTIONS }

    private final Clock clock;
    private final Instant startedAt;
    private final LongAdder received = new LongAdder();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder finalHop = new LongAdder();
    private final EnumMap<Drop, LongAdder> drops = new EnumMap<>(Drop.class);
    private final EnumMap<Event, LongAdder> events = new EnumMap<>(Event.class);
    private final EnumMap<Gauge, IntSupplier> gauges = new EnumMap<>(Gauge.class);
    private final DelayHistogram delays = new DelayHistogram();

    public MixMetrics() {
        this(Clock.systemUTC());
    }

    public MixMetrics(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
        for (Drop d : Drop.values()) drops.put(d, new LongAdder());
        for (Event e : Event.values()) events.put(e, new LongAdder());
    }

    public void received() { received.increment(); }
    public void forwarded() { forwarded.increment(); }
    public void forwarded(int n) { forwarded.add(n); }
    public void finalHop() { finalHop.increment(); }
    public void drop(Drop reason) { drops.get(reason).increment(); }
    public void drop(Drop reason, long n) { if (n > 0) drops.get(reason).add(n); }
    public void event(Event event) { events.get(event).increment(); }
    public void event(Event event, long n) { if (n > 0) events.get(event).add(n); }
    public void delay(long nanos) { delays.record(nanos); }

    /** Registers the live value of a gauge; the last registration wins. */
    public synchronized void gauge(Gauge gauge, IntSupplier value) {
        gauges.put(gauge, value);
    }

    public long dropCount(Drop reason) { return drops.get(reason).sum(); }
    public long eventCount(Event event) { return events.get(event).sum(); }

    @Override
    public MetricsSnapshot snapshot() {
        Map<String, Long> dropped = new LinkedHashMap<>();
        drops.forEach((k, v) -> dropped.put(k.metricName(), v.sum()));
        Map<String, Long> happened = new LinkedHashMap<>();
        events.forEach((k, v) -> happened.put(k.metricName(), v.sum()));
        return new MetricsSnapshot(
                clock.instant(), startedAt,
                received.sum(), forwarded.sum(), finalHop.sum(), drops.get(Drop.REPLAYED).sum(),
                Collections.unmodifiableMap(dropped),
                read(Gauge.INGRESS_QUEUE), read(Gauge.SCHEDULED), read(Gauge.EGRESS_QUEUE),
                read(Gauge.INBOUND_CONNECTIONS), read(Gauge.OUTBOUND_CONNECTIONS),
                Collections.unmodifiableMap(delays.cumulative()), Collections.unmodifiableMap(happened),
                delays.sumNanos());
    }

    private synchronized int read(Gauge gauge) {
        IntSupplier s = gauges.get(gauge);
        return s == null ? 0 : s.getAsInt();
    }
}
