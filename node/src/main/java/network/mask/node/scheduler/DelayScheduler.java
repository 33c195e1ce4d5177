package network.mask.node.scheduler;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.outgoing.NextHopSender;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.wire.KeyRotation;

/**
 * Holds each packet until its due time, then hands it to the next-hop sender. One thread owns a
 * binary heap ordered by due time (O(log n) per packet: about 17 comparisons at 100k pending);
 * workers hand packets over through a lock-free inbox, and wake the thread only when a packet
 * is due before the time it is already sleeping until.
 */
public final class DelayScheduler {

    private static final long IDLE_PARK_NANOS = 1_000_000_000L;
    private static final long AWAKE = Long.MIN_VALUE;

    private record Held(long dueNanos, long seq, NodeAddress nextHop, PacketSize size, KeyRotation rotation, byte[] packet) {}

    private final NextHopSender sender;
    private final int maxPending;
    private final MixMetrics metrics;
    private final ConcurrentLinkedQueue<Held> inbox = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Held> heap = new PriorityQueue<>(1024, (a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.seq, b.seq));
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;
    private volatile long wakeAtNanos = AWAKE;
    private volatile long stopDeadlineNanos = Long.MAX_VALUE;
    private volatile boolean stopping;
    private long seq;  // scheduler thread only
    private volatile int leftAtStop;

    public DelayScheduler(NextHopSender sender, int maxPending, MixMetrics metrics) {
        this.sender = sender;
        this.maxPending = maxPending;
        this.metrics = metrics;
        this.thread = Thread.ofPlatform().name("mix-scheduler").daemon().unstarted(this::run);
        metrics.gauge(MixMetrics.Gauge.SCHEDULED, pending::get);
    }

    public void start() {
        thread.start();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Packets held or in the inbox. */
    public int pending() {
        return pending.get();
    }

    /**
     * Holds {@code packet} until {@code dueNanos} ({@link System#nanoTime()} clock). Returns false
     * (and counts the drop) when the scheduler is full or stopping.
     */
    public boolean schedule(long dueNanos, NodeAddress nextHop, PacketSize size, KeyRotation rotation, byte[] packet) {
        if (stopping) {
            metrics.drop(Drop.SHUTDOWN);
            return false;
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            metrics.drop(Drop.SCHEDULER_OVERLOAD);
            return false;
        }
        inbox.add(new Held(dueNanos, 0, nextHop, size, rotation, packet));
        // Dekker-style handshake with run(): it publishes wakeAtNanos, then re-checks the inbox.
        long sleepingUntil = wakeAtNanos;
        if (sleepingUntil != AWAKE && (sleepingUntil == Long.MAX_VALUE || dueNanos - sleepingUntil < 0)) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    private void run() {
        while (true) {
            wakeAtNanos = AWAKE;
            Held h;
            while ((h = inbox.poll()) != null) {
                heap.add(new Held(h.dueNanos, seq++, h.nextHop, h.size, h.rotation, h.packet));
            }
            long now = System.nanoTime();
            Held next;
            while ((next = heap.peek()) != null && next.dueNanos - now <= 0) {
                heap.poll();
                pending.decrementAndGet();
                try {
                    sender.send(next.nextHop, next.size, next.rotation, next.packet);
                } catch (RuntimeException e) {
                    metrics.drop(Drop.ENGINE_ERROR);
                }
            }
            if (stopping) {
                long deadline = stopDeadlineNanos;
                boolean nothingBeforeDeadline = inbox.isEmpty() && (next == null || next.dueNanos - deadline > 0);
                if (nothingBeforeDeadline || now - deadline >= 0) {
                    finishStop();
                    return;
                }
            }
            long wakeAt = next == null ? Long.MAX_VALUE : next.dueNanos;
            if (stopping) wakeAt = Math.min(wakeAt, stopDeadlineNanos);
            wakeAtNanos = wakeAt;
            if (!inbox.isEmpty()) continue;
            if (wakeAt == Long.MAX_VALUE) LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            else LockSupport.parkNanos(this, wakeAt - System.nanoTime());
        }
    }

    private void finishStop() {
        int left = heap.size();
        heap.clear();
        Held h;
        while ((h = inbox.poll()) != null) left++;
        pending.addAndGet(-left);
        metrics.drop(Drop.SHUTDOWN, left);
        leftAtStop = left;
    }

    /**
     * Stops taking packets, sends those due before {@code deadlineNanos}, and counts the rest
     * as shutdown drops. Returns how many were not sent.
     */
    public int stop(long deadlineNanos) throws InterruptedException {
        stopDeadlineNanos = deadlineNanos;
        stopping = true;
        LockSupport.unpark(thread);
        if (thread.getState() == Thread.State.NEW) finishStop();
        else thread.join();
        return leftAtStop;
    }
}
