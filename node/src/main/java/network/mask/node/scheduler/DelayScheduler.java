package network.mask.node.scheduler;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * a due packet goes to its socket without another thread hand-off, and one timer on the loop
 * (its epoll timeout) wakes it. Workers hand packets over through a lock-free inbox.
 * <p>
 * The granularity {@code g} trades a little lateness for far fewer wake-ups. A packet never
 * leaves early and, event-loop latency aside, at most {@code g} late: the timer that wakes the
 * loop is set no sooner than {@code g} after its last look at the heap, so at a few thousand
 * packets a second each look releases a batch, written with one system call per next hop.
 * Workers wake the loop only for a packet that would otherwise leave more than {@code g} late,
 * and queue at most one such wake-up at a time. An overloaded node, whose packets come out of
 * the workers already due while its timer is armed, therefore costs no wake-up per packet.
 * Packets that ask for no delay at all (when the heap is empty) do wake the loop as they come.
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
    private final long maxPendingBytes;
    private final MixMetrics metrics;
    private final ConcurrentLinkedQueue<Held> inbox = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Held> heap = new PriorityQueue<>(1024, (a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.seq, b.seq));   // loop thread only
    private final AtomicInteger pending = new AtomicInteger();
    /** Heap held by pending packets, counted as {@link #heldBytes}: the real bound (redteam D2: a count assumed 2.6 kB packets, extended ones are 33 kB). */
    private final AtomicLong pendingBytes = new AtomicLong();
    private final Runnable tick = this::tick;
    /** A worker has queued {@link #tick} and it has not started yet: further workers need not queue another. */
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final Runnable timerFired = this::timerFired;
    /** When the loop will next look at the heap: AWAKE while it is looking, IDLE when nothing is armed. */
    private volatile long wakeAtNanos = IDLE;
    private ScheduledFuture<?> timer;   // loop thread only: the one armed timer, or null
    private long armedAtNanos = IDLE;   // loop thread only: when it fires
    private long seq;                   // loop thread only
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos = Long.MAX_VALUE;
    private volatile CountDownLatch stopped;
    private volatile int leftAtStop;
    private boolean finished;           // loop thread only

    /**
     * @param loop        the event loop that due packets are sent from (best: the one next-hop
     *                    connections live on)
     * @param granularity the loop looks at the heap at most once per this (0: whenever a packet is
     *                    due). A millisecond lets packets due together leave in one write and one
     *                    wake-up, at the cost of holding each packet up to that much longer than
     *                    asked, never shorter.
     */
    public DelayScheduler(NextHopSender sender, EventExecutor loop, java.time.Duration granularity, int maxPending,
                          MixMetrics metrics) {
        this(sender, loop, granularity, maxPending, Long.MAX_VALUE, metrics);
    }

    /** @param maxPendingBytes heap all held packets may take together ({@link #heldBytes} each); beyond it the newest is refused */
    public DelayScheduler(NextHopSender sender, EventExecutor loop, java.time.Duration granularity, int maxPending,
                          long maxPendingBytes, MixMetrics metrics) {
        this.sender = sender;
        this.loop = loop;
        this.granularityNanos = granularity.toNanos();
        this.maxPending = maxPending;
        this.maxPendingBytes = maxPendingBytes;
        this.metrics = metrics;
        metrics.gauge(MixMetrics.Gauge.SCHEDULED, pending::get);
    }

    /** Heap one held packet takes: its bytes and the holder, array and queue overhead. */
    public static long heldBytes(byte[] packet) {
        return packet.length + HELD_OVERHEAD_BYTES;
    }

    /** Object headers, fields, the packet array's header and queue slots of one held packet (rounded up). */
    public static final int HELD_OVERHEAD_BYTES = 128;

    /** Heap held by pending packets now. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    public boolean isAlive() {
        return !loop.isShuttingDown() && !stopping;
    }

    /** Packets held or in the inbox. */
    public int pending() {
        return pending.get();
    }

    /**
     * Passes an Outfox packet to the sender at once: Outfox forward hops carry no delay
     * ({@code common/nymsphinx/framing/src/processing.rs}: {@code delay: None}, which
     * {@code nym-node/src/node/mixnet/handler.rs} forwards without a delay target).
     */
    public void passOnOutfox(NodeAddress nextHop, int sizeTag, byte[] packet) {
        if (stopping) {
            metrics.drop(Drop.SHUTDOWN);
            return;
        }
        sender.sendOutfox(nextHop, sizeTag, packet);
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
        long bytes = heldBytes(packet);
        if (pendingBytes.addAndGet(bytes) > maxPendingBytes) {
            // Shed the newest: held packets already have their place in the mix's timing.
            pendingBytes.addAndGet(-bytes);
            pending.decrementAndGet();
            metrics.drop(Drop.SCHEDULER_BYTES_FULL);
            return false;
        }
        Held held = new Held(dueNanos, nextHop, size, rotation, packet);
        inbox.add(held);
        if (stopping && inbox.remove(held)) {   // stop() may have drained the inbox before this add
            pendingBytes.addAndGet(-bytes);
            pending.decrementAndGet();
            metrics.drop(Drop.SHUTDOWN);
            return false;
        }
        // Handshake with tick(): it publishes wakeAtNanos, then looks at the inbox again.
        long wake = wakeAtNanos;
        if (wake == AWAKE) return true;
        long now = System.nanoTime();
        long leaveFrom = dueNanos - now > 0 ? dueNanos : now;
        boolean late = wake == IDLE || wake - leaveFrom > granularityNanos;
        // A queued tick clears the flag before it drains the inbox, so it will see this packet.
        if (late && tickQueued.compareAndSet(false, true)) loop.execute(tick);
        return true;
    }

    private void tick() {
        tickQueued.set(false);
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
                pendingBytes.addAndGet(-heldBytes(next.packet));
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
            long wakeAt = IDLE;
            if (next != null) {
                long notBefore = now + granularityNanos;
                wakeAt = next.dueNanos - notBefore > 0 ? next.dueNanos : notBefore;
            }
            if (stopping && (wakeAt == IDLE || stopDeadlineNanos - wakeAt < 0)) wakeAt = stopDeadlineNanos;
            wakeAtNanos = wakeAt;
            if (!inbox.isEmpty()) continue;
            arm(wakeAt);
            return;
        }
    }

    /** Keeps exactly one timer, set for {@code wakeAtNanos} (none for IDLE): no stale timers pile up in the loop's queue. */
    private void arm(long wakeAt) {
        if (wakeAt == armedAtNanos && timer != null) return;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
            armedAtNanos = IDLE;
        }
        if (wakeAt == IDLE) return;
        armedAtNanos = wakeAt;
        // Netty counts the delay from now, after this look's sends, not from when the look began.
        timer = loop.schedule(timerFired, Math.max(0, wakeAt - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void timerFired() {
        timer = null;
        armedAtNanos = IDLE;
        tick();
    }

    private void finishStop() {
        finished = true;
        if (timer != null) timer.cancel(false);
        int left = heap.size();
        heap.clear();
        Held h;
        while ((h = inbox.poll()) != null) left++;
        pendingBytes.set(0);
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
        boolean finishedInTime = done.await(Math.max(0, deadlineNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(2),
                TimeUnit.NANOSECONDS);
        return finishedInTime ? leftAtStop : pending.get();   // a stuck loop: what it still holds is not sent
    }
}
