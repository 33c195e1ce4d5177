package network.mask.node.sphinx.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** Times work in growing batches, so that the clock is read rarely even for sub-microsecond operations. */
public final class Throughput {

    private static final long MAX_BATCH = 1 << 16;

    private Throughput() {}

    /** Runs {@code work.accept(n)} (n operations) until about {@code nanos} have passed; returns operations per second. */
    public static double perSecond(LongConsumer work, long nanos) {
        return perSecond(work, nanos, System::nanoTime);
    }

    /**
     * Like {@link #perSecond(LongConsumer, long)}, but counts only the CPU time of the calling
     * thread: time the thread spends descheduled (other processes, other nodes starting at the
     * same moment) does not count against whatever candidate happened to be running then. Falls
     * back to wall time where the JVM cannot measure thread CPU time.
     */
    public static double perCpuSecond(LongConsumer work, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) return perSecond(work, nanos);
        if (!threads.isThreadCpuTimeEnabled()) threads.setThreadCpuTimeEnabled(true);
        return perSecond(work, nanos, threads::getCurrentThreadCpuTime);
    }

    private static double perSecond(LongConsumer work, long nanos, LongSupplier clock) {
        long start = clock.getAsLong();
        long deadline = start + nanos;
        long done = 0;
        long batch = 1;
        long now;
        do {
            work.accept(batch);
            done += batch;
            now = clock.getAsLong();
            if (batch < MAX_BATCH && now + (now - start) / done * batch * 2 < deadline) batch <<= 1;
        } while (now < deadline);
        return done * 1e9 / (now - start);
    }
}
