package network.mask.node.sphinx.crypto;

import java.util.function.LongConsumer;

/** Times work in growing batches, so that the clock is read rarely even for sub-microsecond operations. */
public final class Throughput {

    private static final long MAX_BATCH = 1 << 16;

    private Throughput() {}

    /** Runs {@code work.accept(n)} (n operations) until about {@code nanos} have passed; returns operations per second. */
    public static double perSecond(LongConsumer work, long nanos) {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long done = 0;
        long batch = 1;
        long now;
        do {
            work.accept(batch);
            done += batch;
            now = System.nanoTime();
            if (batch < MAX_BATCH && now + (now - start) / done * batch * 2 < deadline) batch <<= 1;
        } while (now < deadline);
        return done * 1e9 / (now - start);
    }
}
