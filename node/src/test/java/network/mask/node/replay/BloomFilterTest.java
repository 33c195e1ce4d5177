package network.mask.node.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BloomFilterTest {

    static byte[] tag(SplittableRandom r) {
        byte[] t = new byte[32];
        r.nextBytes(t);
        return t;
    }

    @Test
    void sizingFollowsTheFormula() {
        BloomSizing s = BloomSizing.of(1_000_000, 1e-6);
        assertEquals(20, s.hashes());
        double bitsPerTag = (double) s.bitCount() / 1_000_000;
        assertTrue(bitsPerTag > 28.7 && bitsPerTag < 28.8, "bits per tag " + bitsPerTag);
        assertEquals(0, s.bitCount() % 64);
        // The documented default: 100 packets/s for 24 h is about 30 MiB.
        long bytes = BloomSizing.of(100L * 86_400, 1e-6).memoryBytes();
        assertTrue(bytes > 29L << 20 && bytes < 31L << 20, "default filter " + bytes);
        assertThrows(IllegalArgumentException.class, () -> BloomSizing.of(Long.MAX_VALUE / 64, 1e-6));
    }

    @Test
    void newTagsAreNewOnceAndSeenAfterwards() {
        SplittableRandom r = new SplittableRandom(1);
        try (BloomFilter f = new BloomFilter(BloomSizing.of(10_000, 1e-6))) {
            List<byte[]> tags = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                byte[] t = tag(r);
                tags.add(t);
                assertTrue(f.add(t), "tag " + i + " reported as seen");
            }
            for (byte[] t : tags) {
                assertFalse(f.add(t));
                assertTrue(f.mightContain(t));
            }
            assertEquals(10_000, f.insertions());
        }
    }

    @Test
    void falsePositivesStayNearTheTargetAtFullCapacity() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 200_000;
        try (BloomFilter f = new BloomFilter(BloomSizing.of(n, 1e-4))) {   // 1e-4 so that a test can see some
            for (int i = 0; i < n; i++) f.add(tag(r));
            int falsePositives = 0;
            int probes = 200_000;
            for (int i = 0; i < probes; i++) if (f.mightContain(tag(r))) falsePositives++;
            // Expected 20; a correct filter stays well within 3x, a broken hash far above.
            assertTrue(falsePositives < 60, falsePositives + " false positives in " + probes);
        }
    }

    @Test
    void theSameTagFromManyThreadsAtOnceIsNewExactlyOnce() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        try (BloomFilter f = new BloomFilter(BloomSizing.of(100_000, 1e-6))) {
            for (int round = 0; round < 200; round++) {
                byte[] t = tag(r);
                AtomicInteger fresh = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (f.add(t.clone())) fresh.incrementAndGet();
                    }));
                }
                go.countDown();
                for (Thread th : threads) th.join();
                assertEquals(1, fresh.get(), "round " + round);
            }
        }
    }
}
