package network.mask.node.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.nymapistandin.TestClock;
import network.mask.node.sphinx.ReplayGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rate the next key's filter is sized from counts the time a key has carried traffic as
 * primary, not the quiet epoch it spent pre-announced.
 */
class MeasuredRateTest {

    @Test
    void theRateIsMeasuredFromWhenTheKeyBecamePrimary(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
        ReplayFilters filters = new ReplayFilters(dir, BloomSizing.of(100_000, 1e-5), new MixMetrics(), clock);
        filters.open(7, BloomSizing.of(100_000, 1e-5));
        clock.advance(Duration.ofSeconds(10));   // pre-announced: no traffic
        assertEquals(0.0, filters.measuredRate(7), 1e-9);

        filters.restartRateMeasurement(7);       // the swap
        ReplayGuard guard = filters.guard(7);
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            byte[] tag = new byte[32];
            random.nextBytes(tag);
            guard.markSeen(tag);
        }
        clock.advance(Duration.ofSeconds(10));
        assertEquals(200.0, filters.measuredRate(7), 1.0, "2000 tags in the 10 s since the swap");
        filters.close();
    }
}
