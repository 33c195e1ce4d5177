package network.mask.node.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder writes the file at most once a minute, and once more on a clean stop; a new daemon's counters start at 0. */
class HistoryRecorderTest {

    @TempDir
    Path dir;

    Instant now = Instant.parse("2026-12-01T10:00:05Z");
    long received;

    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    final MetricsSource metrics = () -> new MetricsSnapshot(now, Instant.parse("2026-12-01T10:00:00Z"), received, received, 0, 0,
            Map.of(), 0, 0, 0, 0, 0, Map.of());

    @Test
    void writesAtMostOnceAMinuteAndOnStop() throws Exception {
        Path file = dir.resolve("history.bin");
        AtomicInteger failed = new AtomicInteger();
        HistoryRecorder recorder = new HistoryRecorder(new HistoryStore(file, () -> { }),
                new HistoryRecorder.Sources(metrics, () -> true, () -> OptionalDouble.of(50), OptionalLong::empty), clock,
                failed::incrementAndGet);
        recorder.open();   // as start() does, without the 5 s ticker: the test drives the samples
        try {
            for (int s = 10; s < 60; s += 5) {
                now = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(s);
                received += 10;
                recorder.sample();
            }
            assertFalse(Files.exists(file), "nothing written within the first minute");

            now = Instant.parse("2026-12-01T10:01:02Z");
            received += 10;
            recorder.sample();
            assertTrue(Files.exists(file), "written when a sample falls in a new minute");
            byte[] first = Files.readAllBytes(file);
            assertEquals(110, HistoryFile.decode(first).totalIn());
            for (int s = 7; s < 60; s += 5) {
                now = Instant.parse("2026-12-01T10:01:00Z").plusSeconds(s);
                received += 10;
                recorder.sample();
            }
            assertArrayEquals(first, Files.readAllBytes(file), "not written again within that minute");
        } finally {
            recorder.stop();
        }
        HistoryRing kept = HistoryFile.decode(Files.readAllBytes(file));
        assertEquals(received, kept.totalIn(), "the clean stop writes everything counted");
        assertEquals(0, failed.get());

        // The next start: a new daemon's counters begin at 0 again, and are added, not subtracted.
        received = 0;
        now = Instant.parse("2026-12-01T10:05:00Z");
        HistoryRecorder again = new HistoryRecorder(new HistoryStore(file, () -> { }),
                new HistoryRecorder.Sources(metrics, () -> false, OptionalDouble::empty, OptionalLong::empty), clock, () -> { });
        again.open();
        received = 7;
        now = now.plusSeconds(5);
        again.sample();
        again.stop();
        assertEquals(kept.totalIn() + 7, HistoryFile.decode(Files.readAllBytes(file)).totalIn());
    }
}
