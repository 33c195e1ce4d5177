package network.mask.node.sphinx.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** Times work in growing batches, so that the clock is read rarely even for sub-microsecond operations. */
public final class Throughput {

    private static final long MAX_BATCH = 1 << 16;
    private static final long CPU_WALL_LIMIT = 20;

    private Throughput() {}

    /** Runs {@code work.accept(n)} (n operations) until about {@code nanos} have passed; returns operations per second. */
    public static double perSecond(LongConsumer work, long nanos) {
        return perSecond(work, nanos, System::nanoTime, Long.MAX_VALUE);
    }

    /**
     * Like {@link #perSecond(LongConsumer, long)}, but counts only the CPU time of the calling
     * thread: time the thread spends descheduled (other processes, other nodes starting at the
     * same moment) does not count against whatever candidate happened to be running then. Work
     * done for the candidate on other threads (GC, JIT) is not counted either, which slightly
     * flatters allocating Java code against native code. Falls back to wall time where the JVM
     * cannot measure thread CPU time, and gives up after {@value #CPU_WALL_LIMIT} times
     * {@code nanos} of wall time (a thread starved of CPU) with what it has measured.
     */
    public static double perCpuSecond(LongConsumer work, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) return perSecond(work, nanos);
        if (!threads.isThreadCpuTimeEnabled()) threads.setThreadCpuTimeEnabled(true);
        if (threads.getCurrentThreadCpuTime() < 0) return perSecond(work, nanos);   // HotSpot's "unavailable"
        return perSecond(work, nanos, threads::getCurrentThreadCpuTime, System.nanoTime() + CPU_WALL_LIMIT * nanos);
    }

    /** Runs until {@code clock} has advanced {@code nanos}, or wall time reaches {@code wallDeadline} (MAX_VALUE: none). */
    private static double perSecond(LongConsumer work, long nanos, LongSupplier clock, long wallDeadline) {
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
        } while (now < deadline && (wallDeadline == Long.MAX_VALUE || System.nanoTime() - wallDeadline < 0));
        return now > start ? done * 1e9 / (now - start) : 0;
    }
}
