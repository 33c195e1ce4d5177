package network.mask.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.node.cli.Main;
import network.mask.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masknode run} as a process: starts from defaults, stops gracefully on SIGTERM. */
class RunCommandTest {

    @TempDir Path data;

    @Test
    void sigtermStopsTheNodeGracefullyAndSavesReplayState() throws Exception {
        int port = TestNodes.freePort();
        Files.writeString(data.resolve("masknode.toml"), "[mixnet]\nbind_host = \"127.0.0.1\"\n[replay]\nexpected_rate = 10\n"
                + "[network]\nnym_api_urls = \"\"\n");   // no internet here: ask no nym-api
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--data", data.toString(), "--mix-port", Integer.toString(port),
                "--api-port", Integer.toString(TestNodes.freePort()), "--admin-port", Integer.toString(TestNodes.freePort()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try {
            runUntilSigterm(p, port, lines);
        } finally {
            p.destroyForcibly();   // never leave a node behind when an assertion fails
        }
        assertEquals(143, p.exitValue(), "the JVM's status after SIGTERM (128 + 15); the unit needs SuccessExitStatus=143");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("masknode: stopped;")), lines.toString());
        assertTrue(Files.exists(data.resolve("replay").resolve("replay-1.bloom")));
        assertTrue(Files.exists(data.resolve("keys").resolve("identity_ed25519.key")));
    }

    private static void runUntilSigterm(Process p, int port, List<String> lines) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("masknode: ready")) {
                lines.add(line);
            }
            assertTrue(line != null, "the node never said it was ready: " + lines);
            try (var s = TestNodes.send(TestNodes.loopback(port), new byte[] {7, 1, 0})) {   // the port is open
                assertTrue(s.isConnected());
            }
            p.toHandle().destroy();   // SIGTERM (Process.destroy would also close our end of its stdout)
            assertTrue(p.waitFor(15, TimeUnit.SECONDS));
            out.lines().forEach(lines::add);
        }
    }

    @Test
    void anUnusableConfigurationStopsTheStartWithItsProblems() throws Exception {
        Files.writeString(data.resolve("masknode.toml"), "[mixnet]\nprot = 1\n");
        var err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--data", data.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertEquals(1, code);
        assertTrue(err.toString().contains("unknown key 'prot' in [mixnet] (did you mean 'port'?)"), err.toString());
    }
}
