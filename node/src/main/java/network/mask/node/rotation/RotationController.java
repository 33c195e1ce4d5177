package network.mask.node.rotation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;

/**
 * Rotates the node's Sphinx keys in step with the network, on its own timer thread, never on the
 * packet path (nym-node's {@code KeyRotationController},
 * {@code nym-node/src/node/key_rotation/controller.rs}): pre-announce the next rotation's key one
 * epoch ahead, swap at the rotation boundary, keep the old key for one epoch of overlap, then
 * purge it. Each pass asks the {@link RotationScheduleSource} for the schedule, lets
 * {@link RotationPlanner} decide, and takes every step that is due. With no schedule ever
 * learned (nym-api never reached) the keys are left as they are.
 */
public final class RotationController implements AutoCloseable {

    /** How often the source is asked again when nothing is due sooner. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(60);
    /** How soon to look again while no schedule is known (an in-memory read of the nym-api client's copy). */
    static final Duration NO_SCHEDULE_RECHECK = Duration.ofSeconds(1);
    /** Steps one pass may take (a node back after a long time: purge, pre-announce, swap). */
    private static final int MAX_STEPS = 6;
    private static final System.Logger LOG = System.getLogger(RotationController.class.getName());

    private final Clock clock;
    private final RotationScheduleSource source;
    private final KeyRing keys;
    private final MixMetrics metrics;
    private final Duration poll;
    private volatile ScheduledExecutorService timer;
    private volatile RotationAction planned;
    private String lastWaitReason;
    private boolean saidNoSchedule;

    public RotationController(Clock clock, RotationScheduleSource source, KeyRing keys, MixMetrics metrics, Duration poll) {
        this.clock = clock;
        this.source = source;
        this.keys = keys;
        this.metrics = metrics;
        this.poll = poll;
    }

    /**
     * Crash recovery at start (see {@link KeyRing#recoverAtLoad}), when a schedule is known. A
     * failure (a full disk) is logged and counted; the node starts with the keys it has and the
     * first pass tries again.
     */
    public synchronized void recoverAtLoad() {
        Optional<RotationSchedule> s = source.latest();
        if (s.isEmpty()) return;
        try {
            keys.recoverAtLoad(s.get().currentRotationId(), lifetime(s.get()));
        } catch (IOException | RuntimeException e) {
            metrics.event(Event.SPHINX_KEY_ROTATION_FAILED);
            LOG.log(System.Logger.Level.ERROR, "key recovery at start failed (" + e.getMessage()
                    + "); starting with the keys on disk, the rotation controller tries again. If the disk is full, free space on it.");
        }
    }

    /** Starts the timer thread; the first pass runs at once. */
    public synchronized void start() {
        if (timer != null) throw new IllegalStateException("already started");
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("key-rotation").daemon().factory());
        timer.execute(this::passAndReschedule);
    }

    private void passAndReschedule() {
        Duration wait = poll;
        try {
            RotationAction next = runDue();
            if (next == null && NO_SCHEDULE_RECHECK.compareTo(wait) < 0) {
                wait = NO_SCHEDULE_RECHECK;   // the nym-api client may learn one any moment: asking it costs nothing
            }
            if (next != null) {
                Duration until = Duration.between(clock.instant(), next.at());
                if (until.compareTo(wait) < 0) wait = until.isNegative() ? Duration.ZERO : until;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "key rotation pass failed; trying again in " + poll.toSeconds() + " s", e);
        }
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            // A little past the deadline, so the pass that wakes up finds the step due.
            t.schedule(this::passAndReschedule, wait.toMillis() + 5, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One pass: takes every step that is due now and returns the next planned one (null when no
     * schedule is known). A failed step is logged, counted and planned again at the next pass.
     */
    public synchronized RotationAction runDue() {
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<RotationSchedule> schedule = source.latest();
            if (schedule.isEmpty()) {
                if (!saidNoSchedule) {
                    LOG.log(System.Logger.Level.INFO, "no key-rotation schedule from nym-api yet: the Sphinx keys stay as they are");
                    saidNoSchedule = true;
                }
                planned = null;
                return null;
            }
            saidNoSchedule = false;
            RotationSchedule s = schedule.get();
            Instant now = clock.instant();
            RotationAction next = RotationPlanner.next(s, now, keys.primaryId(), keys.secondaryId());
            planned = next;
            if (next.kind() == RotationAction.Kind.WAIT) {
                if (!next.why().equals(lastWaitReason)) LOG.log(System.Logger.Level.WARNING, "key rotation waits: " + next.why());
                lastWaitReason = next.why();
                return next;
            }
            lastWaitReason = null;
            if (next.at().isAfter(now)) return next;
            if (!take(next, s)) return next;
        }
        return planned;
    }

    private boolean take(RotationAction a, RotationSchedule s) {
        try {
            switch (a.kind()) {
                case PRE_ANNOUNCE -> {
                    keys.preAnnounce(a.rotationId(), lifetime(s));
                    metrics.event(Event.SPHINX_KEY_PRE_ANNOUNCED);
                }
                case SWAP -> {
                    keys.swap(a.rotationId(), lifetime(s));
                    metrics.event(Event.SPHINX_KEY_SWAPPED);
                    network.mask.webui.OwnerLog.note("Sphinx key rotated with the network (rotation " + a.rotationId() + ")");
                }
                case PURGE -> {
                    keys.purgeSecondary();
                    metrics.event(Event.SPHINX_KEY_PURGED);
                }
                case WAIT -> { }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            metrics.event(Event.SPHINX_KEY_ROTATION_FAILED);
            LOG.log(System.Logger.Level.ERROR, "key rotation step " + a.kind() + " failed (" + e.getMessage()
                    + "); it is tried again at the next pass. If the disk is full, free space on it.");
            return false;
        }
    }

    /** The step planned last, or empty before the first pass or without a schedule. */
    public Optional<RotationAction> planned() {
        return Optional.ofNullable(planned);
    }

    /** A key's lifetime: its rotation plus the overlap epoch ({@code controller.rs}, {@code rotation_lifetime}). */
    static Duration lifetime(RotationSchedule s) {
        return s.epochDuration().multipliedBy(s.validityEpochs() + 1);
    }

    /** Stops the timer; a step in progress finishes first. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t == null) return;
        t.shutdownNow();
        try {
            t.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
