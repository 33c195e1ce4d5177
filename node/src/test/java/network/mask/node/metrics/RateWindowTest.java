package network.mask.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateWindowTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static MetricsSnapshot at(long seconds, long received, long badMac) {
        return new MetricsSnapshot(T0.plusSeconds(seconds), T0, received, 0, 0, 0, Map.of("bad_mac", badMac),
                0, 0, 0, 0, 0, Map.of());
    }

    @Test
    void ratesAreMeasuredOverAtLeastTheMinimumSpanOnceHistoryExists() {
        RateWindow w = new RateWindow(Duration.ofSeconds(5));
        assertEquals(0.0, w.sample(at(0, 0, 0)).perSecond(MetricsSnapshot::packetsReceived), "no history yet");
        assertEquals(100.0, w.sample(at(1, 100, 2)).perSecond(MetricsSnapshot::packetsReceived), "oldest sample until 5 s exist");
        RateWindow.Rates r = w.sample(at(10, 1000, 20));
        assertEquals(100.0, r.perSecond(MetricsSnapshot::packetsReceived), 1e-9);
        assertEquals(T0.plusSeconds(1), r.earlier().at(), "newest sample at least 5 s old");
        assertEquals(2.0, r.droppedPerSecond("bad_mac"), 1e-9);
        // Two readers close together still see a rate over the window, not over milliseconds.
        RateWindow.Rates again = w.sample(at(10, 1000, 20));
        assertEquals(100.0, again.perSecond(MetricsSnapshot::packetsReceived), 1e-9);
        assertEquals(0.0, again.droppedPerSecond("never_seen"));
    }
}
