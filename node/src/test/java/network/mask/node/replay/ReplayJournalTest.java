package network.mask.node.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay protection across a crash (redteam D5): the journal, its truncation, and failed saves. */
class ReplayJournalTest {

    @TempDir
    Path data;

    final MixMetrics metrics = new MixMetrics();
    final SplittableRandom random = new SplittableRandom(7);

    byte[] tag() {
        byte[] t = new byte[32];
        random.nextBytes(t);
        return t;
    }

    ReplayFilters filters(long... ids) throws IOException {
        ReplayFilters f = new ReplayFilters(data, BloomSizing.of(50_000, 1e-5), metrics, Clock.systemUTC());
        Set<Long> set = new java.util.HashSet<>();
        for (long id : ids) set.add(id);
        f.retain(set);
        // A long interval: the test flushes by hand, as the timer would.
        f.startJournal(Duration.ofHours(1));
        return f;
    }

    List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(data.resolve("replay"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
        }
    }

    @Test
    void aCrashAfterAFlushForgetsNothing() throws Exception {
        ReplayFilters before = filters(4, 5);
        List<byte[]> seen4 = new ArrayList<>();
        List<byte[]> seen5 = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] a = tag(), b = tag();
            assertTrue(before.guard(4).markSeen(a));
            assertTrue(before.guard(5).markSeen(b));
            seen4.add(a);
            seen5.add(b);
        }
        assertTrue(before.journal().flush());
        assertEquals(2000, before.journal().tagsWritten());
        // Bytes per tag: 16, plus 16 bytes of batch framing per key and flush.
        assertEquals(2000 * 16 + 2 * 16, before.journal().bytesWritten());
        assertEquals(1, before.journal().fsyncs());
        // kill -9: no save, no close. The next start reads the filters (none saved) and the journal.
        ReplayFilters after = filters(4, 5);
        for (byte[] t : seen4) assertFalse(after.guard(4).markSeen(t), "a tag seen before the crash is a replay");
        for (byte[] t : seen5) assertFalse(after.guard(5).markSeen(t));
        assertTrue(after.guard(4).markSeen(tag()));
        after.close();
        before.close();
    }

    @Test
    void tagsNotYetFlushedAreTheStatedWindow() throws Exception {
        ReplayFilters before = filters(1);
        byte[] flushed = tag();
        byte[] pending = tag();
        before.guard(1).markSeen(flushed);
        before.journal().flush();
        before.guard(1).markSeen(pending);
        // Crash before the next flush.
        ReplayFilters after = filters(1);
        assertFalse(after.guard(1).markSeen(flushed));
        assertTrue(after.guard(1).markSeen(pending), "accepted after the last flush: within the window, open again");
        after.close();
        before.close();
    }

    @Test
    void aSnapshotTruncatesTheJournalItCovers() throws Exception {
        ReplayFilters f = filters(1);
        byte[] a = tag();
        f.guard(1).markSeen(a);
        f.journal().flush();
        assertEquals(1, segments().size());
        f.saveAll();
        assertEquals(1, segments().size(), "only the fresh segment remains");
        assertEquals(0, Files.size(segments().getFirst()), "and it is empty");
        byte[] b = tag();
        f.guard(1).markSeen(b);
        f.journal().flush();
        ReplayFilters after = filters(1);
        assertFalse(after.guard(1).markSeen(a), "from the snapshot");
        assertFalse(after.guard(1).markSeen(b), "from the journal after it");
        after.close();
        f.close();
    }

    @Test
    void aTornBatchEndsItsSegmentAndKeepsWhatCameBefore() throws Exception {
        ReplayFilters f = filters(1);
        byte[] a = tag();
        f.guard(1).markSeen(a);
        f.journal().flush();
        f.guard(1).markSeen(tag());
        f.journal().flush();
        Path seg = segments().getLast();
        long size = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);   // a power cut in the middle of the second batch
        }
        ReplayFilters after = filters(1);
        assertFalse(after.guard(1).markSeen(a));
        after.close();
        f.close();
    }

    @Test
    void aFailedSaveIsCountedAndKeepsTheOldSnapshotAndTheJournal() throws Exception {
        ReplayFilters f = filters(3);
        byte[] a = tag();
        f.guard(3).markSeen(a);
        f.saveAll();
        long savedSize = Files.size(f.directory().resolve("replay-3.bloom"));
        byte[] b = tag();
        f.guard(3).markSeen(b);
        f.journal().flush();
        // The save cannot complete (as on a full disk): the temp file cannot be renamed over a directory.
        Path target = f.directory().resolve("replay-3.bloom");
        Path moved = f.directory().resolve("saved-aside");
        Files.move(target, moved);
        Files.createDirectory(target);
        assertThrows(IOException.class, f::saveAll);
        assertEquals(1, metrics.eventCount(Event.REPLAY_STATE_SAVE_FAILED));
        Files.delete(target);
        Files.move(moved, target);
        assertEquals(savedSize, Files.size(target), "the previous snapshot is intact");
        assertTrue(segments().size() >= 2, "the journal since the last good snapshot is kept: " + segments());
        try (Stream<Path> s = Files.list(f.directory())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temp file left behind");
        }
        // Crash now: both tags are still known.
        ReplayFilters after = filters(3);
        assertFalse(after.guard(3).markSeen(a));
        assertFalse(after.guard(3).markSeen(b));
        after.close();
        f.close();
    }

    @Test
    void aFullDiskIsLoggedAndCountedAndTheNextFlushStartsAFreshSegment() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        Path dir = Files.createDirectories(data.resolve("replay"));
        try (ReplayJournal j = new ReplayJournal(dir, metrics, 1000)) {
            // The segment the journal opens next writes to /dev/full: every write fails with ENOSPC.
            Files.createSymbolicLink(dir.resolve(ReplayJournal.fileName(2)), Path.of("/dev/full"));
            j.rollOver();
            byte[] lost = tag();
            j.record(1, lost);
            assertFalse(j.flush(), "the write failed");
            assertEquals(1, metrics.eventCount(Event.REPLAY_JOURNAL_WRITE_FAILED));
            assertEquals(1, j.tagsLost());
            byte[] kept = tag();
            j.record(1, kept);
            assertTrue(j.flush(), "the next flush goes to a new segment on a disk with room");
            List<byte[]> read = new ArrayList<>();
            ReplayJournal.replay(dir, (id, t) -> read.add(t));
            assertEquals(1, read.size());
            assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOf(kept, 16), java.util.Arrays.copyOf(read.getFirst(), 16)));
        }
    }

    @Test
    void aPurgedKeysFilterIsGoneWithItsFileAndItsGuard() throws Exception {
        ReplayFilters f = filters(1, 2);
        f.saveAll();
        assertTrue(Files.exists(f.directory().resolve("replay-1.bloom")));
        f.purge(1);
        assertNull(f.guard(1));
        assertFalse(Files.exists(f.directory().resolve("replay-1.bloom")));
        assertEquals(Set.of(2L), f.rotationIds());
        f.close();
    }

    @Test
    void theJournalKeepsSixteenBytesAndReplaysTheSameBits() throws Exception {
        // BloomFilter derives every bit from a tag's first 16 bytes: the prefix re-adds the same tag.
        try (BloomFilter a = new BloomFilter(BloomSizing.of(10_000, 1e-5))) {
            byte[] t = tag();
            byte[] prefix = new byte[32];
            System.arraycopy(t, 0, prefix, 0, ReplayJournal.TAG_BYTES);
            assertTrue(a.add(prefix));
            assertFalse(a.add(t));
        }
    }

    @Test
    void sizingMatchesNymNodesKnownAnswer() {
        // nym-node/src/node/replay_protection/mod.rs, tests: 725,760,000 items at 1e-5.
        BloomSizing s = BloomSizing.of(725_760_000L, 1e-5);
        assertEquals(17_391_129_920L, s.bitCount());
        assertEquals(17, s.hashes());
    }

    @Test
    void theCapHoldsAndOnlyBitesAboveIt() {
        long cap = 64L << 20;
        ReplaySizingPolicy p = new ReplaySizingPolicy(1e-5, 200, cap);
        Duration lifetime = Duration.ofHours(25);   // 24 epochs of 1 h plus the overlap
        BloomSizing floor = p.forNextKey(0, lifetime);
        assertEquals(Math.round(200 * 90_000 * 1.12), floor.expectedInsertions(), "nym's floor: 200/s x 25 h x 1.12");
        assertTrue(floor.memoryBytes() <= cap);
        BloomSizing busy = p.forNextKey(3000, lifetime);
        assertTrue(busy.memoryBytes() <= cap, "capped: " + busy.memoryBytes());
        assertTrue(busy.expectedInsertions() < 3000L * 90_000, "holds fewer tags than asked");
        assertEquals(BloomSizing.of(busy.expectedInsertions(), 1e-5).bitCount(), busy.bitCount());
    }

    @Test
    void aRateMeasuredOverAQuietStretchNeverSizesBelowTheExpectedRate() {
        ReplaySizingPolicy p = new ReplaySizingPolicy(1e-5, 3000, 64L << 20);
        Duration lifetime = Duration.ofSeconds(20);
        assertEquals(Math.round(3000 * 20 * 1.12), p.forNextKey(500, lifetime).expectedInsertions(),
                "measured 500/s just after a restart: the configured 3000/s is the floor");
        assertEquals(Math.round(4000 * 20 * 1.12), p.forNextKey(4000, lifetime).expectedInsertions(), "busier than expected");
    }

}
