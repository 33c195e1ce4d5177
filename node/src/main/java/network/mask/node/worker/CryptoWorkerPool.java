package network.mask.node.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.scheduler.DelayScheduler;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.RejectReason;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.wire.InboundFrame;
import network.mask.node.wire.OutfoxFrame;
import network.mask.node.wire.ReceivedFrame;

/**
 * A fixed set of threads, one per core, each with its own engine, that unwrap one Sphinx layer
 * per packet and pass forward hops to the scheduler. Every outcome is counted.
 */
public final class CryptoWorkerPool {

    private static final System.Logger LOG = System.getLogger(CryptoWorkerPool.class.getName());
    private static final long POLL_MILLIS = 50;
    /** Marks a packet whose key lost its replay filter (purged) between key lookup and check. */
    private static final HopResult.Rejected PURGED = new HopResult.Rejected(RejectReason.MALFORMED);

    private final IngressQueue queue;
    private final Supplier<HopEngine> engines;
    private final Supplier<NodeKeys> keys;
    private final LongFunction<ReplayGuard> replayGuards;
    private final DelayScheduler scheduler;
    private final FinalHopHandler finalHops;
    private final MixMetrics metrics;
    private final WorkerSettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean engineErrorLogged = new AtomicBoolean();
    private volatile boolean stopWhenEmpty;
    private volatile long stopDeadlineNanos = Long.MAX_VALUE;

    /**
     * @param finalHops receives final-hop packets; {@code null} for a mixnode, which drops them
     */
    public CryptoWorkerPool(IngressQueue queue, Supplier<HopEngine> engines, Supplier<NodeKeys> keys,
                            LongFunction<ReplayGuard> replayGuards, DelayScheduler scheduler,
                            FinalHopHandler finalHops, MixMetrics metrics, WorkerSettings settings) {
        this.queue = queue;
        this.engines = engines;
        this.keys = keys;
        this.replayGuards = replayGuards;
        this.scheduler = scheduler;
        this.finalHops = finalHops;
        this.metrics = metrics;
        this.settings = settings;
        metrics.gauge(MixMetrics.Gauge.INGRESS_QUEUE, queue::size);
    }

    public void start() {
        for (int i = 0; i < settings.threads(); i++) {
            HopEngine engine = engines.get();
            OutfoxHop outfox = new OutfoxHop(keys, scheduler, metrics);
            Thread t = Thread.ofPlatform().name("mix-worker-" + i).daemon().unstarted(() -> run(engine, outfox));
            threads.add(t);
            t.start();
        }
    }

    private void run(HopEngine engine, OutfoxHop outfox) {
        try {
            while (true) {
                ReceivedFrame frame = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    if (System.nanoTime() - stopDeadlineNanos >= 0) {
                        metrics.drop(Drop.SHUTDOWN);
                        continue;
                    }
                    switch (frame) {
                        case InboundFrame sphinx -> process(engine, sphinx);
                        case OutfoxFrame o -> outfox.process(o);
                    }
                } else if (stopWhenEmpty) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unwraps one packet and routes the result. Package-private for tests. */
    void process(HopEngine engine, InboundFrame frame) {
        List<SphinxKey> candidates = KeySelection.candidates(keys.get(), frame.header().rotation());
        if (candidates.isEmpty()) {
            metrics.drop(Drop.NO_KEY_FOR_ROTATION);
            return;
        }
        HopResult result;
        try {
            result = unwrap(engine, frame.packet(), candidates);
        } catch (RuntimeException e) {
            metrics.drop(Drop.ENGINE_ERROR);
            if (engineErrorLogged.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.ERROR, "Sphinx engine failed on a packet (further failures only counted)", e);
            }
            return;
        }
        switch (result) {
            case HopResult.Forward f -> forward(f, frame);
            case HopResult.Final f -> {
                metrics.finalHop();
                if (finalHops == null) metrics.drop(Drop.FINAL_HOP);
                else finalHops.accept(f, frame);
            }
            case HopResult.Rejected r when r == PURGED -> metrics.drop(Drop.KEY_PURGED);
            case HopResult.Rejected r -> metrics.drop(Drop.of(r.reason()));
        }
    }

    private HopResult unwrap(HopEngine engine, byte[] packet, List<SphinxKey> candidates) {
        for (int i = 0; ; i++) {
            SphinxKey key = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            ReplayGuard guard = replayGuards.apply(key.rotationId());
            if (guard == null) return PURGED;   // the key was purged after this packet read its snapshot
            HopResult r = engine.process(packet, key.privateKeyForEngine(), guard);
            boolean wrongKey = r instanceof HopResult.Rejected rej && rej.reason() == RejectReason.BAD_MAC;
            if (!wrongKey || last) {
                if (i > 0 && !wrongKey) metrics.event(Event.SECONDARY_KEY_USED);
                return r;
            }
        }
    }

    private void forward(HopResult.Forward f, InboundFrame frame) {
        long delay = f.delayNanos();
        if (delay > settings.maxDelayNanos()) {
            delay = settings.maxDelayNanos();
            metrics.event(Event.DELAY_CAPPED);
        }
        metrics.delay(delay);
        // Measured from arrival, so time spent queued for a worker is part of the delay, not added to it.
        scheduler.schedule(frame.receivedNanos() + delay, f.nextHop(), frame.header().size(),
                frame.header().rotation(), f.packet());
    }

    /** Whether every worker thread is still running. */
    public boolean allAlive() {
        return !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
    }

    /**
     * Finishes the queued frames, up to {@code deadlineNanos}; what is left then is counted as
     * shutdown drops. Call after the listener has stopped adding frames.
     */
    public void stop(long deadlineNanos) throws InterruptedException {
        stopDeadlineNanos = deadlineNanos;
        stopWhenEmpty = true;
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            t.join(Math.max(1, left) + POLL_MILLIS * 2);
        }
        metrics.drop(Drop.SHUTDOWN, queue.drain().size());
    }
}
