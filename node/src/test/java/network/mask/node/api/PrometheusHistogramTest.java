package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.metrics.RateWindow;
import org.junit.jupiter.api.Test;

/** The delay histogram in the exposition format: cumulative buckets up to +Inf, _sum in seconds, _count. */
class PrometheusHistogramTest {

    static final String NAME = "masknode_mixnet_packet_delay_seconds";

    static Map<String, String> histogramLines(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(NAME + "_")) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return out;
    }

    static String render(MetricsSnapshot s) {
        return PrometheusMetrics.render(s, new RateWindow(Duration.ofSeconds(5)).sample(s), "test", 0, true);
    }

    @Test
    void threeRecordedDelaysGiveMatchingBucketsSumAndCount() {
        MixMetrics metrics = new MixMetrics();
        metrics.delay(500_000);           // 0.5 ms
        metrics.delay(30_000_000);        // 30 ms
        metrics.delay(12_000_000_000L);   // 12 s
        String text = render(metrics.snapshot());
        assertTrue(text.contains("# TYPE " + NAME + " histogram\n"), text);
        Map<String, String> lines = histogramLines(text);

        assertEquals("1", lines.get(NAME + "_bucket{le=\"0.001\"}"));
        assertEquals("1", lines.get(NAME + "_bucket{le=\"0.02\"}"));
        assertEquals("2", lines.get(NAME + "_bucket{le=\"0.05\"}"));
        assertEquals("2", lines.get(NAME + "_bucket{le=\"10\"}"));
        assertEquals("3", lines.get(NAME + "_bucket{le=\"+Inf\"}"));
        assertEquals(12.0305, Double.parseDouble(lines.get(NAME + "_sum")), 1e-12, "seconds, like the bucket bounds");
        assertEquals("3", lines.get(NAME + "_count"));

        List<String> order = List.copyOf(lines.keySet());
        assertEquals(NAME + "_bucket{le=\"+Inf\"}", order.get(order.size() - 3), "+Inf is the last bucket");
        assertEquals(List.of(NAME + "_sum", NAME + "_count"), order.subList(order.size() - 2, order.size()));
        long previous = 0;
        for (String key : order) {
            if (!key.startsWith(NAME + "_bucket")) continue;
            long v = Long.parseLong(lines.get(key));
            assertTrue(v >= previous, "cumulative: " + key);
            previous = v;
        }
    }

    @Test
    void anEmptyHistogramHasZeroSumAndCount() {
        Map<String, String> lines = histogramLines(render(new MixMetrics().snapshot()));
        assertEquals("0", lines.get(NAME + "_bucket{le=\"+Inf\"}"));
        assertEquals("0", lines.get(NAME + "_sum"));
        assertEquals("0", lines.get(NAME + "_count"));
    }

    @Test
    void aSourceWithoutASumGetsNoMadeUpSum() {
        MixMetrics metrics = new MixMetrics();
        metrics.delay(1_000_000);
        MetricsSnapshot full = metrics.snapshot();
        MetricsSnapshot withoutSum = new MetricsSnapshot(full.at(), full.startedAt(), 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0,
                full.delayHistogramMillis());
        Map<String, String> lines = histogramLines(render(withoutSum));
        assertFalse(lines.containsKey(NAME + "_sum"));
        assertEquals("1", lines.get(NAME + "_count"));
    }
}
