package network.mask.node.history;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import network.mask.node.daemon.NodeService;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.storage.AtomicFiles;

/**
 * Samples the node every few seconds into the {@link HistoryRing} and writes the file at most
 * once a minute (when a sample lands in a new minute) and once more on a clean stop. A kill -9 or
 * a power cut therefore loses at most the last minute; an SD card sees 1,440 small writes a day.
 */
public final class HistoryRecorder implements NodeService {

    private static final System.Logger LOG = System.getLogger(HistoryRecorder.class.getName());
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);
    public static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

    /**
     * Where the samples come from; each may be empty (the board has no sensor, the network view is not there yet).
     * {@code rewardsEarnedUnym} answers the unym earned since it was last asked (so a sample that fails loses none).
     */
    public record Sources(MetricsSource metrics, BooleanSupplier seenByNetwork, Supplier<OptionalDouble> cpuTemperatureCelsius,
                          Supplier<OptionalLong> rewardsEarnedUnym) {}

    private final HistoryStore store;
    private final Sources sources;
    private final Clock clock;
    private final Runnable onWriteFailed;
    private final Object lock = new Object();
    private HistoryRing ring;
    private long lastWrittenMinute = Long.MIN_VALUE;
    private long in;
    private long out;
    private long dropped;
    private boolean warnedWrite;
    private ScheduledExecutorService ticker;

    public HistoryRecorder(HistoryStore store, Sources sources, Clock clock, Runnable onWriteFailed) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
        this.onWriteFailed = onWriteFailed;
    }

    @Override
    public void start() {
        open();
        sample();
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("history").daemon().factory());
        ticker.scheduleWithFixedDelay(this::sample, SAMPLE_INTERVAL.toMillis(), SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the file (or starts a fresh history); package-visible so tests can drive samples without the ticker. */
    void open() {
        synchronized (lock) {
            ring = store.open(clock.instant());
            lastWrittenMinute = Math.floorDiv(clock.instant().getEpochSecond(), 60);   // the file just read is this minute's
        }
    }

    /** One sample; writes the file when the sample is in a later minute than the last write. */
    void sample() {
        try {
            MetricsSnapshot m = sources.metrics().snapshot();
            Instant now = clock.instant();
            boolean seen = safely(sources.seenByNetwork()::getAsBoolean, false);
            OptionalDouble temperature = safely(s -> sources.cpuTemperatureCelsius().get(), OptionalDouble.empty());
            OptionalLong rewards = safely(s -> sources.rewardsEarnedUnym().get(), OptionalLong.empty());
            boolean write;
            synchronized (lock) {
                if (ring == null) return;
                // The daemon's counters start at zero with each start; a smaller value means a new daemon.
                long dIn = delta(m.packetsReceived(), in);
                long dOut = delta(m.packetsForwarded(), out);
                long dDropped = delta(m.packetsDropped(), dropped);
                in = m.packetsReceived();
                out = m.packetsForwarded();
                dropped = m.packetsDropped();
                ring.record(now, dIn, dOut, dDropped, seen, temperature, rewards);
                long minute = Math.floorDiv(now.getEpochSecond(), 60);
                write = minute > lastWrittenMinute;
                if (write) lastWrittenMinute = minute;
            }
            if (write) write();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "history: sample failed: " + e);
        }
    }

    private static long delta(long now, long before) {
        return now >= before ? now - before : now;
    }

    private static boolean safely(BooleanSupplier s, boolean fallback) {
        try {
            return s.getAsBoolean();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static <T> T safely(Function<Void, T> s, T fallback) {
        try {
            T v = s.apply(null);
            return v == null ? fallback : v;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void write() {
        byte[] bytes;
        synchronized (lock) {
            bytes = HistoryFile.encode(ring);
        }
        try {
            AtomicFiles.write(store.file(), bytes, AtomicFiles.OWNER_WRITE);
            warnedWrite = false;
        } catch (IOException e) {
            onWriteFailed.run();
            if (!warnedWrite) {   // once per failure streak: a full disk would otherwise log every minute
                LOG.log(System.Logger.Level.WARNING, "history: cannot write " + store.file() + " (" + e
                        + "); the charts keep the last minutes in memory until the disk takes it again");
                warnedWrite = true;
            }
        }
    }

    /** Reads the history under the lock; {@code reader} must not keep the ring. */
    public <T> T read(Function<HistoryRing, T> reader) {
        synchronized (lock) {
            return ring == null ? reader.apply(HistoryRing.fresh(clock.instant())) : reader.apply(ring);
        }
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void stop() {
        if (ticker != null) ticker.shutdownNow();
        sample();
        synchronized (lock) {
            if (ring == null) return;
        }
        write();   // the clean stop keeps everything up to now
    }

    @Override
    public String name() {
        return "history";
    }
}
