package network.mask.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import network.mask.node.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys show} without flags after {@code run --dev}: it points at {@code --dev}. */
class DevKeysHintTest {

    @TempDir Path workingDir;

    @Test
    void pointsAtDevOnlyWhenTheDevDirectoryHoldsKeysAndNoDirectoryWasNamed() throws Exception {
        ConfigLoader.Overrides plain = ConfigLoader.Overrides.none();
        assertEquals(Optional.empty(), DevKeysHint.forMissingKeys(plain, workingDir), "no dev data: nothing to suggest");

        Files.createDirectories(workingDir.resolve("masknode-dev").resolve("keys"));
        String hint = DevKeysHint.forMissingKeys(plain, workingDir).orElseThrow();
        assertTrue(hint.contains(workingDir.resolve("masknode-dev").toString()) && hint.contains("masknode keys show --dev"), hint);

        assertEquals(Optional.empty(), DevKeysHint.forMissingKeys(
                new ConfigLoader.Overrides(null, workingDir.resolve("elsewhere"), null, null, null, null, false), workingDir),
                "--data named a directory: the owner meant that one");
        assertEquals(Optional.empty(), DevKeysHint.forMissingKeys(
                new ConfigLoader.Overrides(null, null, null, null, null, null, true), workingDir), "--dev was given");
    }
}
