package network.mask.node.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.testing.TestNodes;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.Test;

class DelaySchedulerTest {

    static final NodeAddress HOP = new NodeAddress(new InetSocketAddress("127.0.0.1", 1789));

    record Sent(long due, long at) {}

    final io.netty.util.concurrent.DefaultEventExecutor loop = new io.netty.util.concurrent.DefaultEventExecutor();

    @org.junit.jupiter.api.AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Test
    void holdsAHundredThousandPacketsAndReleasesEachOnTimeInOrder() throws Exception {
        int n = 100_000;
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>(n));
        MixMetrics metrics = new MixMetrics();
        DelayScheduler s = new DelayScheduler((hop, size, rotation, packet) -> {
            long due = ByteBuffer.wrap(packet).getLong();
            sent.add(new Sent(due, System.nanoTime()));   // only the scheduler thread calls this
        }, loop, Duration.ZERO, 200_000, metrics);
        Random r = new Random(5);
        long base = System.nanoTime() + Duration.ofMillis(700).toNanos();
        for (int i = 0; i < n; i++) {
            long due = base + r.nextInt(500_000_000);
            s.schedule(due, HOP, PacketSize.ACK, KeyRotation.UNKNOWN, ByteBuffer.allocate(8).putLong(due).array());
        }
        assertTrue(s.pending() > n / 2, "packets were released long before their time");
        assertTrue(TestNodes.await(() -> sent.size() == n, Duration.ofSeconds(20)));
        assertEquals(0, s.pending());
        assertEquals(n, sent.size());
        for (int i = 0; i < n; i++) {
            Sent x = sent.get(i);
            assertTrue(x.at() >= x.due(), "packet released " + (x.due() - x.at()) + " ns early");
            if (i > 0) assertTrue(sent.get(i - 1).due() <= x.due(), "released out of order at " + i);
        }
        assertEquals(0, s.stop(System.nanoTime()));
    }

    @Test
    void aFullSchedulerDropsAndCounts() throws Exception {
        MixMetrics metrics = new MixMetrics();
        DelayScheduler s = new DelayScheduler((hop, size, rotation, packet) -> { }, loop, Duration.ZERO, 3, metrics);
        long far = System.nanoTime() + Duration.ofHours(1).toNanos();
        int accepted = 0;
        for (int i = 0; i < 5; i++) if (s.schedule(far, HOP, PacketSize.ACK, KeyRotation.UNKNOWN, new byte[8])) accepted++;
        assertEquals(3, accepted);
        assertEquals(2, metrics.snapshot().dropped("scheduler_overload"));
        assertEquals(3, metrics.snapshot().scheduledPackets());
    }

    @Test
    void stopSendsWhatIsDueBeforeTheDeadlineAndCountsTheRest() throws Exception {
        MixMetrics metrics = new MixMetrics();
        List<Long> released = java.util.Collections.synchronizedList(new ArrayList<>());
        DelayScheduler s = new DelayScheduler((hop, size, rotation, packet) -> released.add(ByteBuffer.wrap(packet).getLong()),
                loop, Duration.ZERO, 100, metrics);
        long now = System.nanoTime();
        for (long ms : new long[] {50, 100, 5_000, 10_000}) {
            s.schedule(now + ms * 1_000_000, HOP, PacketSize.ACK, KeyRotation.UNKNOWN, ByteBuffer.allocate(8).putLong(ms).array());
        }
        int left = s.stop(now + Duration.ofMillis(400).toNanos());
        assertEquals(2, left);
        assertEquals(List.of(50L, 100L), released);
        assertEquals(2, metrics.snapshot().dropped("shutdown"));
        assertTrue(System.nanoTime() - now < Duration.ofSeconds(2).toNanos(), "stop waited for packets past the deadline");
    }

    @Test
    void withAGranularityPacketsNeverLeaveEarlyAndLeaveInBatchesAtLeastAGranuleApart() throws Exception {
        MixMetrics metrics = new MixMetrics();
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        long g = Duration.ofMillis(5).toNanos();
        DelayScheduler s = new DelayScheduler((hop, size, rotation, packet) ->
                sent.add(new Sent(ByteBuffer.wrap(packet).getLong(), System.nanoTime())), loop, Duration.ofNanos(g), 1000, metrics);
        Random r = new Random(8);
        long base = System.nanoTime() + Duration.ofMillis(50).toNanos();
        for (int i = 0; i < 200; i++) {
            long due = base + r.nextInt(100_000_000);
            s.schedule(due, HOP, PacketSize.ACK, KeyRotation.UNKNOWN, ByteBuffer.allocate(8).putLong(due).array());
        }
        assertTrue(TestNodes.await(() -> sent.size() == 200, Duration.ofSeconds(10)));
        int rounds = 1;
        for (int i = 0; i < sent.size(); i++) {
            assertTrue(sent.get(i).at() >= sent.get(i).due(), "released before its due time");
            // Packets of one look at the heap leave microseconds apart; timer-driven looks are at least g apart.
            if (i > 0 && sent.get(i).at() - sent.get(i - 1).at() >= g * 8 / 10) rounds++;
        }
        // 200 due times spread over 100 ms: at most one look per 5 ms, plus the first and last, and
        // slack for a loop thread paused mid-batch on a loaded machine. Unbatched, this would be ~200.
        assertTrue(rounds <= 100 / 5 + 4, rounds + " separate releases: the granularity did not batch them");
        assertTrue(rounds > 1, "everything left at once");
    }

    @Test
    void aPacketDueBeforeTheArmedTimerWakesTheLoop() throws Exception {
        List<Long> released = java.util.Collections.synchronizedList(new ArrayList<>());
        DelayScheduler s = new DelayScheduler((hop, size, rotation, packet) -> released.add(ByteBuffer.wrap(packet).getLong()),
                loop, Duration.ofMillis(1), 100, new MixMetrics());
        long now = System.nanoTime();
        s.schedule(now + Duration.ofHours(1).toNanos(), HOP, PacketSize.ACK, KeyRotation.UNKNOWN, ByteBuffer.allocate(8).putLong(1).array());
        Thread.sleep(50);   // lets the loop arm its timer for the hour (if slower, the test passes through another path)
        s.schedule(System.nanoTime(), HOP, PacketSize.ACK, KeyRotation.UNKNOWN, ByteBuffer.allocate(8).putLong(2).array());
        assertTrue(TestNodes.await(() -> released.equals(List.of(2L)), Duration.ofSeconds(5)),
                "a packet due now waited for the timer armed for the packet due in an hour");
        assertEquals(1, s.pending());
    }
}
