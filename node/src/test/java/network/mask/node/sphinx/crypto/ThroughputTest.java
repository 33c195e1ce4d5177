package network.mask.node.sphinx.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    /** Busy for about 50 µs of CPU, then off the CPU for a millisecond: a thread that keeps being descheduled. */
    static void workThenSleep(long times) {
        for (long i = 0; i < times; i++) {
            long until = System.nanoTime() + 50_000;
            while (System.nanoTime() < until) Thread.onSpinWait();
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void cpuRateIgnoresTimeTheThreadSpentDescheduled() {
        double wall = Throughput.perSecond(ThroughputTest::workThenSleep, 100_000_000);
        double cpu = Throughput.perCpuSecond(ThroughputTest::workThenSleep, 20_000_000);
        // Wall: ~1 ms per operation (<= 1,000/s). CPU: ~50 µs (~20,000/s), however loaded the machine.
        assertTrue(wall < 1_100, "wall rate " + wall);
        assertTrue(cpu > 5 * wall, "CPU rate " + cpu + " against wall rate " + wall);
    }
}
