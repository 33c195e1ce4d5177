package network.mask.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelayHistogramTest {

    @Test
    void bucketsAreCumulativeAndTheSumIsInNanoseconds() {
        DelayHistogram h = new DelayHistogram();
        h.record(500_000);          // 0.5 ms
        h.record(30_000_000);       // 30 ms
        h.record(12_000_000_000L);  // 12 s: beyond the last bound
        Map<Double, Long> c = h.cumulative();
        assertEquals(1L, c.get(1.0));
        assertEquals(1L, c.get(20.0));
        assertEquals(2L, c.get(50.0));
        assertEquals(2L, c.get(10000.0));
        assertEquals(3L, c.get(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, List.copyOf(c.keySet()).getLast(), "+Inf last");
        assertEquals(12_030_500_000L, h.sumNanos());
    }

    @Test
    void aBoundIsInclusiveAndANegativeDelayCountsAsZero() {
        DelayHistogram h = new DelayHistogram();
        h.record(5_000_000);   // exactly 5 ms: le="0.005"
        h.record(-7);
        assertEquals(1L, h.cumulative().get(1.0), "the negative one, as 0");
        assertEquals(2L, h.cumulative().get(5.0));
        assertEquals(5_000_000L, h.sumNanos());
    }

    @Test
    void theMixMetricsSnapshotCarriesTheSum() {
        MixMetrics m = new MixMetrics();
        assertEquals(0L, m.snapshot().delaySumNanos());
        m.delay(2_000_000);
        m.delay(3_000_000);
        MetricsSnapshot s = m.snapshot();
        assertEquals(5_000_000L, s.delaySumNanos());
        assertEquals(2L, s.delayHistogramMillis().get(Double.POSITIVE_INFINITY));
    }
}
