package network.mask.node.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import network.mask.node.config.ConfigLoader;

/**
 * After {@code run --dev} the keys are in {@code ./masknode-dev}, while {@code keys show}
 * without flags looks in {@code /var/lib/masknode}: point at {@code --dev} when that is the
 * likely mix-up (no directory was named and the developer data directory holds keys).
 */
final class DevKeysHint {

    private DevKeysHint() {}

    /** @param workingDir where {@code ./masknode-dev} would be (the current directory) */
    static Optional<String> forMissingKeys(ConfigLoader.Overrides asked, Path workingDir) {
        if (asked.dev() || asked.dataDir() != null || asked.configFile() != null) return Optional.empty();
        Path devData = workingDir.toAbsolutePath().resolve(ConfigLoader.DEV_DATA_DIR);
        if (!Files.isDirectory(devData.resolve("keys"))) return Optional.empty();
        return Optional.of("  The keys of `masknode run --dev` are in " + devData + ": did you mean `masknode keys show --dev`?");
    }
}
