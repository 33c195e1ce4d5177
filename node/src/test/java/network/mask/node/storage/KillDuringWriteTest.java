package network.mask.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import network.mask.node.config.ConfigLoader;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.replay.ReplayStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of state writes: a child JVM rewrites replay filters, keys and config in
 * a loop and is killed at a random moment; every state file must still load.
 */
class KillDuringWriteTest {

    @TempDir Path data;

    @Test
    void everyStateFileIsValidAfterKillNine() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 4; round++) {
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"),
                    StateWriterChild.class.getName(), data.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("WRITING", out.readLine(), "child did not start writing");
                Thread.sleep(100 + random.nextInt(600));
                child.destroyForcibly();   // SIGKILL: no shutdown hooks, no finally blocks
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            }
            assertValid(round);
        }
    }

    private void assertValid(int round) throws Exception {
        NodeKeys keys = new KeyStore(data, new SecureRandom()).load();   // throws if any key file is damaged
        assertTrue(keys.primary().rotationId() >= 1);
        List<Path> replayFiles;
        try (Stream<Path> s = Files.list(data.resolve("replay"))) {
            replayFiles = s.filter(p -> p.getFileName().toString().matches("replay-\\d+\\.bloom")).toList();
        }
        for (Path f : replayFiles) ReplayStateFile.load(f).filter().close();
        Path config = data.resolve("masknode.toml");
        if (Files.exists(config)) ConfigLoader.check(config);
    }
}
