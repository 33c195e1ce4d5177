package network.mask.node.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import network.mask.node.cli.Main;
import network.mask.node.runguard.DataDirLock;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code masknode run} processes on one data directory: the second is refused with
 * "Already running?" and the first one's ports, before it opens anything; after the first is
 * killed with SIGKILL, the operating system has dropped its lock and the directory is free.
 * The first node runs with the terminal's brief console, which prints the README's lines only.
 */
class SecondRunRefusedTest {

    @TempDir Path data;

    @Test
    void aSecondRunOnTheSameDataIsRefusedAndTheLockDiesWithTheProcess() throws Exception {
        DevNodeProcess first = DevNodeProcess.start("second-run-first", data, Map.of("MASKNODE_CONSOLE", "brief"));
        try {
            first.awaitListening();
            first.awaitOutput(Pattern.compile("^  Mix port: "), DevNodeProcess.START_TIMEOUT);
            List<String> console = first.output().lines().toList();
            assertTrue(console.stream().noneMatch(l -> l.contains(" INFO ")), "start-up details stay off the console:\n" + first.output());
            List<String> own = console.stream().filter(l -> !l.contains(" WARNING ")).toList();
            assertEquals(5, own.size(), "the README's five lines:\n" + first.output());
            assertTrue(own.get(0).startsWith("masknode: this box is not claimed yet. One-time claim code: "), own.get(0));
            assertEquals("masknode: ready", own.get(1));
            assertTrue(own.get(2).startsWith("  Setup page: http://127.0.0.1:"), own.get(2));

            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--dev", "--data", data.toString(),
                    "--mix-port", Integer.toString(TestNodes.freePort()), "--api-port", Integer.toString(TestNodes.freePort()),
                    "--admin-port", Integer.toString(TestNodes.freePort())).redirectErrorStream(true).start();
            second.getOutputStream().close();
            String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), said);
            assertEquals(1, second.exitValue(), said);
            assertTrue(said.contains("is in use by another Mask Node (pid " + first.pid() + ", mix port " + first.mixPort()
                    + ", setup page port " + first.adminPort() + "). Already running?"), said);
            assertFalse(said.contains("replay filter"), "refused before it touched the replay state:\n" + said);
            assertTrue(first.isAlive(), "the first node is left alone");

            first.killHard();
            try (DataDirLock free = DataDirLock.acquire(data, "test")) {
                assertTrue(free != null, "kill -9 left no stale lock");
            }
        } finally {
            first.close();
        }
    }
}
