package network.mask.node.storage;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * Removes, at start, what interrupted writes left behind: {@link AtomicFiles}' temp files (they
 * can hold the MQTT password, the metrics token or a password hash; redteam D14 found 16 after
 * 220 kills) and a restore's half-built staging directory ({@code .restore-*} in the data directory).
 */
public final class LeftoverTemps {

    private static final System.Logger LOG = System.getLogger(LeftoverTemps.class.getName());

    private LeftoverTemps() {}

    /** Cleans every directory in {@code dirs} (missing ones are skipped); returns how many entries were removed. */
    public static int removeAll(Collection<Path> dirs) {
        int removed = 0;
        for (Path dir : dirs) {
            if (dir == null) continue;
            try {
                removed += AtomicFiles.removeLeftoverTemps(dir);
                removed += removeStaging(dir);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remove leftover temporary files in " + dir + ": " + e.getMessage());
            }
        }
        if (removed > 0) {
            LOG.log(System.Logger.Level.INFO, "removed " + removed + " temporary files left by an interrupted write");
        }
        return removed;
    }

    /** Restore staging directories ({@code .restore-*}) and everything in them. */
    private static int removeStaging(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        int removed = 0;
        try (var entries = Files.newDirectoryStream(dir, ".restore-*")) {
            for (Path p : entries) {
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                deleteTree(p);
                removed++;
            }
        }
        return removed;
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
