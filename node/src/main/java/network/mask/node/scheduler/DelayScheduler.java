package network.mask.node.scheduler;

import io.netty.util.concurrent.EventExecutor;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.outgoing.NextHopSender;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.wire.KeyRotation;

/**
 * Holds each packet until its due time, then hands it to the next-hop sender.
 * <p>
 * One thread owns a binary heap ordered by due time (O(log n) per packet: about 17 comparisons
 * at 100k pending). That thread is an I/O event loop, the one next-hop connections write from:
 * a due packet goes to its socket without another thread hand-off, and the loop's own timer
 * (its epoll timeout) wakes it. Workers hand packets over through a lock-free inbox and wake the
 * loop only when a packet is due before the time it is already set to wake at.
 */
public final class DelayScheduler {

    private static final long AWAKE = Long.MIN_VALUE;
    private static final long IDLE = Long.MAX_VALUE;

    /** A held packet; {@code seq} (set on the loop thread) keeps equal due times in arrival order. */
    private static final class Held {
        final long dueNanos;
        final NodeAddress nextHop;
        final PacketSize size;
        final KeyRotation rotation;
        final byte[] packet;
        long seq;

        Held(long dueNanos, NodeAddress nextHop, PacketSize size, KeyRotation rotation, byte[] packet) {
            this.dueNanos = dueNanos;
            this.nextHop = nextHop;
            this.size = size;
            this.rotation = rotation;
            this.packet = packet;
        }
    }

    private final NextHopSender sender;
    private final EventExecutor loop;
    private final long granularityNanos;
    private final int maxPending;
    private final MixMetrics metrics;
    private final ConcurrentLinkedQueue<Held> inbox = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Held> heap = new PriorityQueue<>(1024, (a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.seq, b.seq));   // loop thread only
    private final AtomicInteger pending = new AtomicInteger();
    private final Runnable tick = this::tick;
    /** When the loop will next look at the heap: AWAKE while it is looking, IDLE when nothing is armed. */
    private volatile long wakeAtNanos = IDLE;
    private long armedAtNanos = IDLE;   // loop thread only: earliest timer already armed
    private long seq;                   // loop thread only
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos = Long.MAX_VALUE;
    private volatile CountDownLatch stopped;
    private volatile int leftAtStop;
    private boolean finished;           // loop thread only

    /**
     * @param loop        the event loop that due packets are sent from (best: the one next-hop
     *                    connections live on)
     * @param granularity due times are rounded up to a multiple of this (0: exact). A millisecond
     *                    lets packets due together leave in one write and one wake-up, at the cost
     *                    of holding each packet up to that much longer than asked, never shorter.
     */
    public DelayScheduler(NextHopSender sender, EventExecutor loop, java.time.Duration granularity, int maxPending,
                          MixMetrics metrics) {
        this.sender = sender;
        this.loop = loop;
        this.granularityNanos = granularity.toNanos();
        this.maxPending = maxPending;
        this.metrics = metrics;
        metrics.gauge(MixMetrics.Gauge.SCHEDULED, pending::get);
    }

    public boolean isAlive() {
        return !loop.isShuttingDown() && !stopping;
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
        if (granularityNanos > 1) dueNanos += Math.floorMod(-dueNanos, granularityNanos);   // round up
        inbox.add(new Held(dueNanos, nextHop, size, rotation, packet));
        // Handshake with tick(): it publishes wakeAtNanos, then looks at the inbox again.
        long wake = wakeAtNanos;
        if (wake != AWAKE && (wake == IDLE || dueNanos - wake < 0)) loop.execute(tick);
        return true;
    }

    private void tick() {
        if (finished) return;
        while (true) {
            wakeAtNanos = AWAKE;
            Held h;
            while ((h = inbox.poll()) != null) {
                h.seq = seq++;
                heap.add(h);
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
            if (stopping && (now - stopDeadlineNanos >= 0
                    || inbox.isEmpty() && (next == null || next.dueNanos - stopDeadlineNanos > 0))) {
                finishStop();
                return;
            }
            long wakeAt = next == null ? IDLE : next.dueNanos;
            if (stopping) wakeAt = Math.min(wakeAt, stopDeadlineNanos);
            wakeAtNanos = wakeAt;
            if (!inbox.isEmpty()) continue;
            if (wakeAt != IDLE && (armedAtNanos == IDLE || wakeAt - armedAtNanos < 0 || armedAtNanos - now <= 0)) {
                armedAtNanos = wakeAt;
                loop.schedule(() -> {
                    armedAtNanos = IDLE;
                    tick();
                }, Math.max(0, wakeAt - now), TimeUnit.NANOSECONDS);
            }
            return;
        }
    }

    private void finishStop() {
        finished = true;
        int left = heap.size();
        heap.clear();
        Held h;
        while ((h = inbox.poll()) != null) left++;
        pending.addAndGet(-left);
        metrics.drop(Drop.SHUTDOWN, left);
        leftAtStop = left;
        wakeAtNanos = AWAKE;   // nobody wakes a stopped scheduler
        stopped.countDown();
    }

    /**
     * Stops taking packets, sends those due before {@code deadlineNanos}, and counts the rest
     * as shutdown drops. Returns how many were not sent.
     */
    public int stop(long deadlineNanos) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        stopped = done;
        stopDeadlineNanos = deadlineNanos;
        stopping = true;
        if (loop.isShuttingDown()) {
            return pending.get();
        }
        loop.execute(tick);
        done.await(Math.max(0, deadlineNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(2), TimeUnit.NANOSECONDS);
        return leftAtStop;
    }
}
