package network.mask.node.telemetry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages waiting for the broker, at most {@code capacity} of them. When full, the oldest is
 * discarded and counted: telemetry is about the present, and memory must not grow while a broker
 * is down. {@link #offer} never waits for the network: the lock is held only for the deque
 * operation, never across I/O, so a caller on the node's busy path cannot be slowed by MQTT.
 */
final class BoundedOutbox {

    private final int capacity;
    private final Deque<OutboundMessage> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong dropped = new AtomicLong();

    BoundedOutbox(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    /** Queues {@code message}; returns false when an older message had to be discarded for it. */
    boolean offer(OutboundMessage message) {
        lock.lock();
        try {
            boolean evicted = false;
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped.incrementAndGet();
                evicted = true;
            }
            queue.addLast(message);
            return !evicted;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest message without removing it, or null. */
    OutboundMessage peek() {
        lock.lock();
        try {
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code sent} if it is still the head (it may have been evicted meanwhile). */
    void remove(OutboundMessage sent) {
        lock.lock();
        try {
            if (queue.peekFirst() == sent) queue.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Discards everything queued (after a node id change the queued topics are stale); not counted as drops. */
    void clear() {
        lock.lock();
        try {
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }

    long dropped() {
        return dropped.get();
    }
}
