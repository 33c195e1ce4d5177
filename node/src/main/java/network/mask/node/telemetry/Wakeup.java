package network.mask.node.telemetry;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Lets other threads cut the worker's wait short. A signal before the wait is not lost. */
final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean signalled;

    void signal() {
        lock.lock();
        try {
            signalled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until signalled or {@code max} has passed; consumes the signal. */
    void await(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.isNegative() ? 0 : max.toNanos();
            while (!signalled && nanos > 0) nanos = changed.awaitNanos(nanos);
            signalled = false;
        } finally {
            lock.unlock();
        }
    }
}
