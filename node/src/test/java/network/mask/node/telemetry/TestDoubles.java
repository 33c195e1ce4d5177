package network.mask.node.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;

/** Test implementations of our own small input interfaces. */
final class TestDoubles {

    private TestDoubles() {}

    /** Counters the test sets; every snapshot is taken "now". */
    static final class Metrics implements MetricsSource {
        final Instant startedAt = Instant.now().minusSeconds(3600);
        volatile long received;
        volatile long forwarded;
        volatile long finalHop;
        volatile long replays;
        final Map<String, Long> dropped = new java.util.concurrent.ConcurrentHashMap<>();
        volatile int scheduled;

        @Override
        public MetricsSnapshot snapshot() {
            return new MetricsSnapshot(Instant.now(), startedAt, received, forwarded, finalHop, replays,
                    new TreeMap<>(dropped), 3, scheduled, 5, 7, 11, Map.of(10.0, 1L, 100.0, 4L, Double.POSITIVE_INFINITY, 6L));
        }
    }

    static final class Health implements HealthSource {
        final AtomicReference<HealthReading> reading = new AtomicReference<>(full());

        static HealthReading full() {
            return new HealthReading(OptionalDouble.of(51.25), OptionalLong.of(512L * 1024 * 1024),
                    OptionalLong.of(4096L * 1024 * 1024), OptionalLong.of(20L * 1024 * 1024 * 1024), Optional.of(false));
        }

        static HealthReading withoutTemperature() {
            HealthReading f = full();
            return new HealthReading(OptionalDouble.empty(), f.memoryUsedBytes(), f.memoryTotalBytes(), f.diskFreeBytes(),
                    f.throttled());
        }

        @Override
        public HealthReading read() {
            return reading.get();
        }
    }

    static final class Actions implements NodeActions {
        final AtomicInteger identified = new AtomicInteger();
        final AtomicInteger restarted = new AtomicInteger();

        @Override
        public void identify() {
            identified.incrementAndGet();
        }

        @Override
        public void restart() {
            restarted.incrementAndGet();
        }
    }

    static DeviceInfo device() {
        return new DeviceInfo("Mask Node test", "0.1.0-test", "Raspberry Pi 5 Model B", "8yGFbT7ZdV3oZ1y6W6fZVqY5VxkZ5qu6wz5uWzvL6HJ5",
                "http://masknode.local/", "https://example.org/support");
    }
}
