package network.mask.node.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:30Z");

    @TempDir
    Path dir;

    @Test
    void aSavedHistoryReadsBackTheSame() throws Exception {
        HistoryRing r = HistoryRing.fresh(T0);
        r.record(T0, 100, 90, 3, true, OptionalDouble.of(51.26), OptionalLong.of(1_500_000));
        r.record(T0.plusSeconds(60), 7, 6, 1, false, OptionalDouble.empty(), OptionalLong.empty());
        HistoryRing back = HistoryFile.decode(HistoryFile.encode(r));
        long m0 = T0.getEpochSecond() / 60;
        assertArrayEquals(new long[] {100, 90, 3}, back.minute(m0));
        assertArrayEquals(new long[] {7, 6, 1}, back.minute(m0 + 1));
        assertEquals(51.3, back.temperature(m0).getAsDouble(), 1e-9);
        assertEquals(HistoryRing.UP | HistoryRing.SEEN, back.flags(m0));
        assertEquals(HistoryRing.UP, back.flags(m0 + 1));
        assertEquals(107, back.totalIn());
        assertEquals(T0.getEpochSecond(), back.firstStart().getEpochSecond());
        assertEquals(1_500_000, back.rewards(m0 / 1440).getAsLong());
        assertArrayEquals(new long[] {107, 96, 4, 2, 1}, back.hour(m0 / 60));
    }

    @Test
    void rewardsEarnedAddUpPerDayAndADayWithoutAnEstimateStaysUnknown() throws Exception {
        HistoryRing r = HistoryRing.fresh(T0);
        long day = T0.getEpochSecond() / 86_400;
        r.record(T0, 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.empty());
        assertTrue(r.rewards(day).isEmpty(), "nothing estimated yet: unknown, not zero");
        r.record(T0.plusSeconds(5), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(0));
        assertEquals(0, r.rewards(day).getAsLong(), "bonded, no epoch ended yet: a known zero");
        r.record(T0.plusSeconds(10), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(203_086));
        r.record(T0.plusSeconds(3600), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(203_087));
        r.record(T0.plusSeconds(3605), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.empty());
        assertEquals(406_173, r.rewards(day).getAsLong());
        r.record(T0.plusSeconds(86_400), 0, 0, 0, true, OptionalDouble.empty(), OptionalLong.of(5));
        assertEquals(5, r.rewards(day + 1).getAsLong(), "a new day starts from its own epochs");
        assertEquals(406_173, HistoryFile.decode(HistoryFile.encode(r)).rewards(day).getAsLong(), "and survives the file");
    }

    @Test
    void minutesTheBoxWasOffReadAsZeroAndOldOnesAgeOut() {
        HistoryRing r = HistoryRing.fresh(T0);
        long m0 = T0.getEpochSecond() / 60;
        r.record(T0, 10, 10, 0, false, OptionalDouble.of(40), OptionalLong.empty());
        // Off for 47 hours: the minute ring still holds m0, the temperature ring (24 h) no longer.
        r.record(T0.plusSeconds(47 * 3600), 5, 5, 0, false, OptionalDouble.empty(), OptionalLong.empty());
        assertArrayEquals(new long[] {10, 10, 0}, r.minute(m0));
        assertArrayEquals(new long[] {0, 0, 0}, r.minute(m0 + 1));
        assertTrue(r.temperature(m0).isEmpty());
        // Two more hours: m0 is older than 48 h and gone, but its hour is still in the 30-day ring.
        r.record(T0.plusSeconds(49 * 3600), 1, 1, 0, false, OptionalDouble.empty(), OptionalLong.empty());
        assertArrayEquals(new long[] {0, 0, 0}, r.minute(m0));
        assertEquals(10, r.hour(m0 / 60)[0]);
        assertEquals(16, r.totalIn());
    }

    @Test
    void aClockSteppingBackCountsInTheNewestMinute() {
        HistoryRing r = HistoryRing.fresh(T0);
        long m0 = T0.getEpochSecond() / 60;
        r.record(T0, 1, 0, 0, false, OptionalDouble.empty(), OptionalLong.empty());
        r.record(T0.minusSeconds(3600), 2, 0, 0, false, OptionalDouble.empty(), OptionalLong.empty());
        assertArrayEquals(new long[] {3, 0, 0}, r.minute(m0));
    }

    @Test
    void damagedFilesAreRefusedWithTheirReason() throws Exception {
        HistoryRing r = HistoryRing.fresh(T0);
        r.record(T0, 100, 90, 3, true, OptionalDouble.of(50), OptionalLong.empty());
        byte[] good = HistoryFile.encode(r);

        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        assertEquals(HistoryFileException.Reason.CORRUPT, assertThrows(HistoryFileException.class, () -> HistoryFile.decode(cut)).reason());

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertEquals(HistoryFileException.Reason.CORRUPT, assertThrows(HistoryFileException.class, () -> HistoryFile.decode(flipped)).reason());

        assertEquals(HistoryFileException.Reason.CORRUPT,
                assertThrows(HistoryFileException.class, () -> HistoryFile.decode("not gzip at all".getBytes())).reason());
        assertEquals(HistoryFileException.Reason.NOT_A_HISTORY_FILE,
                assertThrows(HistoryFileException.class, () -> HistoryFile.decode(gzip(0x12345678, 1))).reason());
        assertEquals(HistoryFileException.Reason.UNSUPPORTED_VERSION,
                assertThrows(HistoryFileException.class, () -> HistoryFile.decode(gzip(HistoryFile.MAGIC, 99))).reason());
    }

    @Test
    void aDamagedFileIsCountedKeptAsideAndAFreshHistoryStarts() throws Exception {
        Path file = dir.resolve("history.bin");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        AtomicInteger damaged = new AtomicInteger();
        HistoryRing r = new HistoryStore(file, damaged::incrementAndGet).open(T0);
        assertEquals(1, damaged.get());
        assertEquals(0, r.totalIn());
        assertEquals(T0.getEpochSecond(), r.firstStart().getEpochSecond());
        assertFalse(Files.exists(file), "the bad file is moved, not overwritten");
        Path aside = dir.resolve("history.bin.bad-" + T0.getEpochSecond());
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}, Files.readAllBytes(aside));
    }

    @Test
    void aMissingFileStartsAFreshHistoryWithoutCounting() {
        AtomicInteger damaged = new AtomicInteger();
        HistoryRing r = new HistoryStore(dir.resolve("history.bin"), damaged::incrementAndGet).open(T0);
        assertEquals(0, damaged.get());
        assertEquals(-1, r.lastMinute());
    }

    /**
     * The sizes docs/history.md quotes: an idle box, and a full history of a busy one (48 h of
     * minutes, 30 days of hours, every minute with traffic of ~10 k packets/min and a temperature).
     */
    @Test
    void sizesOfTheFile() throws Exception {
        HistoryRing idle = HistoryRing.fresh(T0);
        idle.record(T0, 0, 0, 0, false, OptionalDouble.empty(), OptionalLong.empty());
        HistoryRing busy = HistoryRing.fresh(T0);
        Random random = new Random(1);
        for (int m = 0; m < 30 * 1440; m++) {
            int in = 8_000 + random.nextInt(4_000);
            busy.record(T0.plusSeconds(60L * m), in, in - random.nextInt(50), random.nextInt(50), m % 7 != 0,
                    OptionalDouble.of(45 + random.nextInt(150) / 10.0), OptionalLong.of(random.nextInt(5_000_000)));
        }
        int idleBytes = HistoryFile.encode(idle).length;
        int busyBytes = HistoryFile.encode(busy).length;
        Path file = dir.resolve("history.bin");
        HistoryFile.save(file, busy);
        assertEquals(busyBytes, Files.size(file));
        System.out.printf("history file: idle %d bytes, busy %d bytes; at one write a minute %.1f MB/day busy%n",
                idleBytes, busyBytes, busyBytes * 1440 / 1e6);
        assertTrue(busyBytes < 64 * 1024, "busy history " + busyBytes + " bytes");
        assertTrue(idleBytes < 2 * 1024, "idle history " + idleBytes + " bytes");
        assertEquals(busy.totalIn(), HistoryFile.decode(Files.readAllBytes(file)).totalIn());
    }

    private static byte[] gzip(int magic, int version) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(magic);
            out.writeInt(version);
            out.write(new byte[64]);
        }
        return bytes.toByteArray();
    }
}
