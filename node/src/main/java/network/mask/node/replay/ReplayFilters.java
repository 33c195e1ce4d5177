package network.mask.node.replay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.storage.AtomicFiles;

/**
 * One Bloom filter per live Sphinx key (by rotation id), as nym-node keeps one per key rotation
 * ({@code nym-node/src/node/replay_protection/bloomfilter.rs}): created with the key, deleted
 * with it. Filters are saved under {@code <data>/replay/} every save interval and at shutdown;
 * between saves the accepted tags go to a {@link ReplayJournal}, so a crash reopens at most one
 * journal flush interval.
 */
public final class ReplayFilters implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReplayFilters.class.getName());
    /** A purged filter is closed this long after it stops being handed out, so no worker still uses it. */
    private static final long RETIRE_SECONDS = 10;
    /** Tags held in memory between journal flushes (16 bytes each: 4 MiB). */
    private static final long MAX_PENDING_JOURNAL_TAGS = 1 << 18;

    private final Path dir;
    private final BloomSizing sizing;
    private final MixMetrics metrics;
    private final Clock clock;
    private final Map<Long, Live> filters = new ConcurrentHashMap<>();
    private final Map<Long, Long> savedInsertions = new HashMap<>();
    private final Set<Long> overfullWarned = new HashSet<>();
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("replay-io").daemon().factory());
    private final Set<BloomFilter> retired = ConcurrentHashMap.newKeySet();
    private volatile ReplayJournal journal;
    private boolean tempsRemoved;

    /** A live filter, the guard the workers use, and what its fill rate is measured from. */
    private record Live(BloomFilter filter, ReplayGuard guard, long openedAtMillis, long insertionsAtOpen) {}

    /** @param sizing the size of filters made at start (before any rate is measured) */
    public ReplayFilters(Path dataDir, BloomSizing sizing, MixMetrics metrics, Clock clock) {
        this.dir = dataDir.resolve("replay");
        this.sizing = sizing;
        this.metrics = metrics;
        this.clock = clock;
    }

    static String fileName(long rotationId) {
        return "replay-" + rotationId + ".bloom";
    }

    public Path directory() {
        return dir;
    }

    /**
     * Makes a filter ready for each rotation id, loading saved state where it exists, and
     * releases filters of keys no longer live (their files are deleted at the next save).
     */
    public synchronized void retain(Set<Long> rotationIds) throws IOException {
        for (long id : rotationIds) {
            if (!filters.containsKey(id)) open(id, sizing);
        }
        for (Long id : List.copyOf(filters.keySet())) {
            if (!rotationIds.contains(id)) retire(id);
        }
    }

    /**
     * Makes the filter for a new key (nym-node allocates it when the key is pre-announced),
     * loading saved state if a file for this rotation exists (a crash after the pre-announce).
     */
    public synchronized void open(long rotationId, BloomSizing size) throws IOException {
        if (!tempsRemoved) {
            Files.createDirectories(dir);
            AtomicFiles.removeLeftoverTemps(dir);
            tempsRemoved = true;
        }
        if (filters.containsKey(rotationId)) return;
        BloomFilter f = loadOrCreate(rotationId, size);
        ReplayGuard guard = tag -> {
            boolean fresh = f.add(tag);
            ReplayJournal j = journal;
            if (fresh && j != null) j.record(rotationId, tag);
            return fresh;
        };
        filters.put(rotationId, new Live(f, guard, clock.millis(), f.insertions()));
    }

    /**
     * Forgets a purged key's filter: no longer handed out, its file deleted now, its memory freed
     * a few seconds later.
     */
    public synchronized void purge(long rotationId) throws IOException {
        Live l = filters.get(rotationId);
        String fill = l == null ? "" : String.format(java.util.Locale.ROOT, " (held %d tags, sized for %d)",
                l.filter().insertions(), l.filter().sizing().expectedInsertions());
        retire(rotationId);
        Files.deleteIfExists(dir.resolve(fileName(rotationId)));
        LOG.log(System.Logger.Level.INFO, "replay filter for key rotation {0} deleted with its key{1}", rotationId, fill);
    }

    private void retire(long rotationId) {
        Live gone = filters.remove(rotationId);
        savedInsertions.remove(rotationId);
        if (gone == null) return;
        BloomFilter f = gone.filter();
        retired.add(f);
        try {
            io.schedule(() -> closeRetired(f), RETIRE_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            closeRetired(f);
        }
    }

    private void closeRetired(BloomFilter f) {
        if (retired.remove(f)) f.close();
    }

    private BloomFilter loadOrCreate(long rotationId, BloomSizing size) throws IOException {
        Path file = dir.resolve(fileName(rotationId));
        if (ReplayStateFile.exists(file)) {
            try {
                ReplayStateFile.Loaded loaded = ReplayStateFile.load(file);
                if (loaded.rotationId() != rotationId) throw new ReplayStateException(file, "belongs to rotation " + loaded.rotationId());
                BloomFilter f = loaded.filter();
                savedInsertions.put(rotationId, f.insertions());
                LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                        "replay filter for key rotation %d reloaded: %d tags, %s", rotationId, f.insertions(), f.sizing().memoryText()));
                return f;
            } catch (ReplayStateException | IOException e) {
                // Kept aside for inspection. Starting empty opens a replay window for this key:
                // say so loudly and count it, since there is no better state to fall back on.
                metrics.event(Event.REPLAY_STATE_CORRUPT);
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                LOG.log(System.Logger.Level.ERROR, "replay state unusable ({0}); moved to {1}; starting an empty filter",
                        e.getMessage(), aside.getFileName());
            }
        }
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "replay filter for key rotation %d: %d tags at false-positive rate %.0e, %d bits, %d hashes, %s off-heap",
                rotationId, size.expectedInsertions(), size.falsePositiveRate(), size.bitCount(), size.hashes(),
                size.memoryText()));
        return new BloomFilter(size);
    }

    /**
     * Replays the journal left by the previous run into the filters now open (tags of keys no
     * longer live are skipped), then starts journaling, flushed every {@code flushEvery}.
     *
     * @return tags restored from the journal
     */
    public synchronized long startJournal(Duration flushEvery) throws IOException {
        if (journal != null) throw new IllegalStateException("journal already started");
        long[] restored = {0};
        long read = ReplayJournal.replay(dir, (id, tag) -> {
            Live l = filters.get(id);
            if (l != null && l.filter().add(tag)) restored[0]++;
        });
        if (read > 0) {
            LOG.log(System.Logger.Level.INFO, "replay journal: {0} tags accepted after the last save were restored ({1} new to the saved filters)",
                    read, restored[0]);
        }
        journal = new ReplayJournal(dir, metrics, MAX_PENDING_JOURNAL_TAGS);
        long ms = Math.max(1, flushEvery.toMillis());
        io.scheduleWithFixedDelay(journal::flush, ms, ms, TimeUnit.MILLISECONDS);
        return read;
    }

    /** The journal, once started; null before. */
    public ReplayJournal journal() {
        return journal;
    }

    /** The guard for packets processed under the key of {@code rotationId}; null when that key has no filter (purged). */
    public ReplayGuard guard(long rotationId) {
        Live l = filters.get(rotationId);
        return l == null ? null : l.guard();
    }

    /** Rotation ids with a live filter. */
    public Set<Long> rotationIds() {
        return Set.copyOf(filters.keySet());
    }

    /** The sizing of the live filter for {@code rotationId}, if any. */
    public BloomSizing sizingOf(long rotationId) {
        Live l = filters.get(rotationId);
        return l == null ? null : l.filter().sizing();
    }

    /** Tags the filter of {@code rotationId} holds. */
    public long insertions(long rotationId) {
        Live l = filters.get(rotationId);
        return l == null ? 0 : l.filter().insertions();
    }

    /**
     * Starts measuring {@link #measuredRate} of {@code rotationId}'s filter afresh: called when its
     * key becomes primary, since a pre-announced key carries almost no traffic. nym-node measures
     * from the filter's creation ({@code replay_protection/manager.rs}, {@code allocate_pre_announced});
     * over its 24-epoch rotations the quiet pre-announce epoch costs it 4 %, but over short rotations
     * (3 epochs in the local mixnet) it would size the next filter a third too small.
     */
    public synchronized void restartRateMeasurement(long rotationId) {
        Live l = filters.get(rotationId);
        if (l != null) filters.put(rotationId, new Live(l.filter(), l.guard(), clock.millis(), l.filter().insertions()));
    }

    /**
     * New tags per second recorded by the filter of {@code rotationId} since it was opened in this
     * run, or since its key became primary ({@link #restartRateMeasurement}); -1 when unknown.
     */
    public double measuredRate(long rotationId) {
        Live l = filters.get(rotationId);
        if (l == null) return -1;
        long elapsed = clock.millis() - l.openedAtMillis();
        if (elapsed <= 0) return -1;
        return (l.filter().insertions() - l.insertionsAtOpen()) * 1000.0 / elapsed;
    }

    /** Off-heap memory held by all filters. */
    public long memoryBytes() {
        return filters.values().stream().mapToLong(l -> l.filter().sizing().memoryBytes()).sum();
    }

    /**
     * Saves every filter that changed since its last save and deletes files of keys no longer
     * live. Each file is replaced atomically, so a failure (a full disk) keeps the previous
     * complete file, and the journal segments since it are kept too. Once every filter is saved,
     * the journal segments the snapshot covers are deleted.
     *
     * @throws IOException when any filter could not be saved (counted as replay_state_save_failed)
     */
    public synchronized void saveAll() throws IOException {
        long covered = -1;
        ReplayJournal j = journal;
        if (j != null) {
            try {
                covered = j.rollOver();
            } catch (IOException e) {
                // No fresh segment (the disk is full): save anyway, but keep every segment.
                LOG.log(System.Logger.Level.WARNING, "could not start a new replay journal segment: " + e.getMessage());
            }
        }
        IOException failure = null;
        for (Map.Entry<Long, Live> e : filters.entrySet()) {
            long id = e.getKey();
            BloomFilter f = e.getValue().filter();
            long inserted = f.insertions();
            Path file = dir.resolve(fileName(id));
            if (Long.valueOf(inserted).equals(savedInsertions.get(id)) && Files.exists(file)) continue;
            if (f.fill() > 1 && overfullWarned.add(id)) {
                LOG.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
                        "replay filter for key rotation %d holds %d tags, more than the %d it is sized for: its false-positive"
                        + " rate now exceeds the target until the key rotates; raise replay.max_filter_mib if memory allows",
                        id, inserted, f.sizing().expectedInsertions()));
            }
            try {
                ReplayStateFile.save(file, id, f, clock.millis());
                savedInsertions.put(id, inserted);
                metrics.event(Event.REPLAY_STATE_SAVED);
            } catch (IOException ex) {
                metrics.event(Event.REPLAY_STATE_SAVE_FAILED);
                failure = failure == null ? ex : failure;
            }
        }
        deleteStale();
        if (failure != null) throw failure;
        if (j != null) j.deleteThrough(covered);
    }

    private void deleteStale() throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "replay-*.bloom")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring("replay-".length(), name.length() - ".bloom".length());
                try {
                    if (!filters.containsKey(Long.parseLong(id))) Files.deleteIfExists(file);
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
    }

    /** Flushes the journal and frees every filter. Call {@link #saveAll} first for a clean stop. */
    @Override
    public synchronized void close() {
        ReplayJournal j = journal;
        if (j != null) j.close();
        io.shutdownNow();
        List.copyOf(retired).forEach(this::closeRetired);
        filters.values().forEach(l -> l.filter().close());
        filters.clear();
    }
}
