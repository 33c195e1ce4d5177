package network.mask.node.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import network.mask.node.wire.InboundFrame;

/**
 * Frames waiting for a crypto worker. Bounded: when it is full, connections stop reading
 * (TCP pushes back to the sender) and register to be resumed once workers have drained it
 * to half, so nothing is dropped for being busy.
 */
public final class IngressQueue {

    private final ArrayBlockingQueue<InboundFrame> queue;
    private final int resumeBelow;
    private final ConcurrentLinkedQueue<Runnable> waiters = new ConcurrentLinkedQueue<>();

    public IngressQueue(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.resumeBelow = capacity / 2;
    }

    /** Adds a frame if there is room. */
    public boolean offer(InboundFrame frame) {
        return queue.offer(frame);
    }

    /** Runs {@code resume} once the queue has room again (at once if it already has). */
    public void whenSpace(Runnable resume) {
        waiters.add(resume);
        if (queue.size() < resumeBelow) wake();   // re-check: workers may have drained it meanwhile
    }

    InboundFrame poll(long timeout, TimeUnit unit) throws InterruptedException {
        InboundFrame f = queue.poll(timeout, unit);
        if (!waiters.isEmpty() && queue.size() < resumeBelow) wake();
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
    List<InboundFrame> drain() {
        List<InboundFrame> out = new ArrayList<>();
        queue.drainTo(out);
        wake();
        return out;
    }
}
