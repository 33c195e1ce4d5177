package network.mask.node.replay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.sphinx.ReplayGuard;

/**
 * One Bloom filter per live Sphinx key (by rotation id), as nym-node keeps one per key rotation:
 * a tag can only repeat under the key it was made for. Filters are saved under
 * {@code <data>/replay/} and reloaded at start, so a restart does not forget what was seen.
 */
public final class ReplayFilters implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReplayFilters.class.getName());

    private final Path dir;
    private final BloomSizing sizing;
    private final MixMetrics metrics;
    private final Clock clock;
    private final Map<Long, BloomFilter> filters = new ConcurrentHashMap<>();
    private final Map<Long, Long> savedInsertions = new HashMap<>();

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
        network.mask.node.storage.AtomicFiles.removeLeftoverTemps(dir);
        for (long id : rotationIds) {
            if (filters.containsKey(id)) continue;
            filters.put(id, loadOrCreate(id));
        }
        for (Long id : List.copyOf(filters.keySet())) {
            if (!rotationIds.contains(id)) {
                filters.remove(id).close();
                savedInsertions.remove(id);
            }
        }
    }

    private BloomFilter loadOrCreate(long rotationId) throws IOException {
        Path file = dir.resolve(fileName(rotationId));
        if (ReplayStateFile.exists(file)) {
            try {
                ReplayStateFile.Loaded loaded = ReplayStateFile.load(file);
                if (loaded.rotationId() != rotationId) throw new ReplayStateException(file, "belongs to rotation " + loaded.rotationId());
                BloomFilter f = loaded.filter();
                savedInsertions.put(rotationId, f.insertions());
                LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                        "replay filter for key rotation %d reloaded: %d tags, %s", rotationId, f.insertions(), f.sizing().memoryText()));
                if (f.sizing().bitCount() != sizing.bitCount()) {
                    LOG.log(System.Logger.Level.INFO, "the saved filter keeps its size; the configured size applies from the next key");
                }
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
        LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "replay filter for key rotation %d: %d tags at false-positive rate %.0e, %d bits, %d hashes, %s off-heap",
                rotationId, sizing.expectedInsertions(), sizing.falsePositiveRate(), sizing.bitCount(), sizing.hashes(),
                sizing.memoryText()));
        return new BloomFilter(sizing);
    }

    /** The guard for packets processed under the key of {@code rotationId}. */
    public ReplayGuard guard(long rotationId) {
        BloomFilter f = filters.get(rotationId);
        if (f == null) throw new IllegalStateException("no replay filter for rotation " + rotationId);
        return f::add;
    }

    public Collection<BloomFilter> filters() {
        return filters.values();
    }

    /** Off-heap memory held by all filters. */
    public long memoryBytes() {
        return filters.values().stream().mapToLong(f -> f.sizing().memoryBytes()).sum();
    }

    /**
     * Saves every filter that changed since its last save and deletes files of keys no longer
     * live. Each file is replaced atomically.
     */
    public synchronized void saveAll() throws IOException {
        IOException failure = null;
        for (Map.Entry<Long, BloomFilter> e : filters.entrySet()) {
            long id = e.getKey();
            BloomFilter f = e.getValue();
            long inserted = f.insertions();
            Path file = dir.resolve(fileName(id));
            if (Long.valueOf(inserted).equals(savedInsertions.get(id)) && Files.exists(file)) continue;
            try {
                ReplayStateFile.save(file, id, f, clock.millis());
                savedInsertions.put(id, inserted);
                metrics.event(Event.REPLAY_STATE_SAVED);
            } catch (IOException ex) {
                metrics.event(Event.REPLAY_STATE_SAVE_FAILED);
                failure = ex;
            }
        }
        deleteStale();
        if (failure != null) throw failure;
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

    @Override
    public synchronized void close() {
        filters.values().forEach(BloomFilter::close);
        filters.clear();
    }
}
