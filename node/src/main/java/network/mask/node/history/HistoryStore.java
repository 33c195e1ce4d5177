package network.mask.node.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Opens the history file at start. A missing file starts a fresh history; a damaged one is moved
 * aside (kept for a look, never overwritten), counted, logged in plain words, and a fresh history
 * starts, so a bad SD-card sector costs the charts, never the node.
 */
public final class HistoryStore {

    private static final System.Logger LOG = System.getLogger(HistoryStore.class.getName());

    private final Path file;
    private final Runnable onDamagedFile;

    /** @param onDamagedFile counts a history file that could not be read */
    public HistoryStore(Path file, Runnable onDamagedFile) {
        this.file = file;
        this.onDamagedFile = onDamagedFile;
    }

    public Path file() {
        return file;
    }

    public HistoryRing open(Instant now) {
        byte[] bytes;
        try {
            if (Files.size(file) > HistoryFile.maxBytes()) {
                return setAside(new HistoryFileException(HistoryFileException.Reason.CORRUPT,
                        "history file damaged: larger than any history file", null), now);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            LOG.log(System.Logger.Level.INFO, "history: none kept yet, starting one at " + file);
            return HistoryRing.fresh(now);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "history: cannot read " + file + " (" + e + "); keeping a new history in memory");
            onDamagedFile.run();
            return HistoryRing.fresh(now);
        }
        try {
            HistoryRing r = HistoryFile.decode(bytes);
            LOG.log(System.Logger.Level.INFO, "history: kept since " + r.firstStart() + ", " + r.totalIn() + " packets in so far");
            return r;
        } catch (HistoryFileException e) {
            return setAside(e, now);
        }
    }

    private HistoryRing setAside(HistoryFileException e, Instant now) {
        onDamagedFile.run();
        Path aside = file.resolveSibling(file.getFileName() + ".bad-" + now.getEpochSecond());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.WARNING, "history: the traffic history could not be read (" + e.reason() + ": "
                    + e.getMessage() + "); it was moved to " + aside + " and a new history starts now");
        } catch (IOException moveFailed) {
            LOG.log(System.Logger.Level.WARNING, "history: the traffic history could not be read (" + e.getMessage()
                    + ") nor moved aside (" + moveFailed + "); a new history starts now and will replace it");
        }
        return HistoryRing.fresh(now);
    }
}
