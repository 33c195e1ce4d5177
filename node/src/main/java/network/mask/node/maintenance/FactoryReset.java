package network.mask.node.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Erases what makes the box someone's: the admin password hash, the setup page's TLS key, the
 * node's keys, its replay state, its config file (back to defaults), and the traces of the previous
 * owner's running: the traffic history and the reachability evidence. Runs between a stop and
 * the next start, so the keys are generated anew and a fresh claim code is printed at that start.
 * The measured crypto selection (a property of the hardware) is kept.
 */
public final class FactoryReset implements Runnable {

    private static final System.Logger LOG = System.getLogger(FactoryReset.class.getName());

    private final DataFiles files;
    private final Path configFile;

    public FactoryReset(DataFiles files, Path configFile) {
        this.files = files;
        this.configFile = configFile;
    }

    @Override
    public void run() {
        try {
            // The password first: whatever else fails, the box is open to be claimed again at the console.
            for (Path p : List.of(files.adminHash(), files.tlsKey(), files.tlsCertificate())) Files.deleteIfExists(p);
            deleteFilesIn(files.keysDir());
            deleteFilesIn(files.replayDir());
            // The previous owner's traffic timeline is theirs, not the next owner's.
            Files.deleteIfExists(files.dataDir().resolve(network.mask.node.history.HistoryWiring.FILE_NAME));
            Files.deleteIfExists(files.dataDir().resolve(network.mask.node.reachability.ReachabilityLog.FILE_NAME));
            Path dataDir = files.dataDir().toAbsolutePath().normalize();
            if (configFile.toAbsolutePath().normalize().startsWith(dataDir)) {
                Files.deleteIfExists(configFile);
            } else {
                LOG.log(System.Logger.Level.WARNING, "config file " + configFile + " is outside the data directory; left as it is");
            }
            LOG.log(System.Logger.Level.WARNING, "factory reset done: keys, settings and the admin password are erased");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "factory reset incomplete: " + e);
        }
    }

    private static void deleteFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) if (Files.isRegularFile(p)) Files.delete(p);
        }
    }
}
