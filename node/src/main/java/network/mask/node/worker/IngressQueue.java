package network.mask.node.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import network.mask.node.wire.ReceivedFrame;

/**
 * Frames waiting for a crypto worker. Bounded: when it is full, connections stop reading
 * (TCP pushes back to the sender) and register to be resumed once workers have drained it
 * to half, so nothing is dropped for being busy.
 */
public final class IngressQueue {

    private final ArrayBlockingQueue<ReceivedFrame> queue;
    private final int resumeBelow;
    private final long maxBytes;
    /** Packet bytes queued: frames are up to 33 kB, so a count alone is no memory bound. */
    private final AtomicLong bytes = new AtomicLong();
    private final ConcurrentLinkedQueue<Runnable> waiters = new ConcurrentLinkedQueue<>();

    public IngressQueue(int capacity) {
        this(capacity, Long.MAX_VALUE);
    }

    /** @param maxBytes packet bytes the queue holds at most (one frame is always let in) */
    public IngressQueue(int capacity, long maxBytes) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.resumeBelow = capacity / 2;
        this.maxBytes = maxBytes;
    }

    /** Adds a frame if there is room, in frames and in bytes. */
    public boolean offer(ReceivedFrame frame) {
        long n = frame.packet().length;
        long now = bytes.addAndGet(n);
        if (now > maxBytes && now != n) {
            bytes.addAndGet(-n);
            return false;
        }
        if (queue.offer(frame)) return true;
        bytes.addAndGet(-n);
        return false;
    }

    private boolean hasRoom() {
        return queue.size() < resumeBelow && bytes.get() < maxBytes / 2;
    }

    /** Packet bytes queued now. */
    public long bytes() {
        return bytes.get();
    }

    /** Runs {@code resume} once the queue has room again (at once if it already has). */
    public void whenSpace(Runnable resume) {
        waiters.add(resume);
        if (hasRoom()) wake();   // re-check: workers may have drained it meanwhile
    }

    ReceivedFrame poll(long timeout, TimeUnit unit) throws InterruptedException {
        ReceivedFrame f = queue.poll(timeout, unit);
        if (f != null) bytes.addAndGet(-f.packet().length);
        if (!waiters.isEmpty() && hasRoom()) wake();
        return f;
    }

    private void wake() {
        Runnable r;
        while ((r = waiters.poll()) != null) r.run();
    }

    public int size() {
        return queue.size();
    }

    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    /** Empties the queue, for shutdown accounting. */
    List<ReceivedFrame> drain() {
        List<ReceivedFrame> out = new ArrayList<>();
        queue.drainTo(out);
        for (ReceivedFrame f : out) bytes.addAndGet(-f.packet().length);
        wake();
        return out;
    }
}
