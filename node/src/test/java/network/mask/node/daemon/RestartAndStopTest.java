package network.mask.node.daemon;

import static network.mask.node.config.ConfigSchema.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.config.NodeConfig;
import network.mask.node.replay.ReplayStateFile;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay protection across restarts, and what a graceful stop sends, counts and saves. */
class RestartAndStopTest {

    @TempDir Path dir;
    NodeDaemon sink;
    final AtomicInteger delivered = new AtomicInteger();
    final Random random = new Random(17);

    @BeforeEach
    void startSink() throws Exception {
        sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink"))).hopEngines(ToyOnion::engine)
                .finalHopHandler((f, frame) -> delivered.incrementAndGet()).build();
        sink.start();
    }

    @AfterEach
    void stopSink() {
        sink.stop(Duration.ofMillis(100));
    }

    NodeDaemon mix(NodeConfig config) throws Exception {
        NodeDaemon d = NodeDaemon.builder(config).hopEngines(ToyOnion::engine).build();
        d.start();
        return d;
    }

    byte[] tag() {
        byte[] t = new byte[32];
        random.nextBytes(t);
        return t;
    }

    byte[] packetVia(NodeDaemon mix, byte[] tag, long delayNanos) {
        return TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(mix.keys().primary().privateKeyForEngine(), tag, sink.mixAddress(), delayNanos, null),
                new ToyOnion.Hop(sink.keys().primary().privateKeyForEngine(), tag(), null, 0, new byte[16])), new byte[0]));
    }

    static Path replayFile(Path dataDir) throws Exception {
        try (var files = Files.list(dataDir.resolve("replay"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bloom")).findFirst().orElseThrow();
        }
    }

    @Test
    void aReplayIsDroppedEvenAfterARestart() throws Exception {
        NodeConfig config = TestNodes.config(dir.resolve("mix"));
        NodeDaemon first = mix(config);
        byte[] packet = packetVia(first, tag(), 0);
        try (Socket s = TestNodes.send(first.mixAddress(), packet)) {
            assertTrue(TestNodes.await(() -> delivered.get() == 1, Duration.ofSeconds(5)));
        }
        first.stop(Duration.ofMillis(200));

        NodeDaemon second = mix(config);   // same data directory: same keys, saved replay filter
        try {
            assertEquals(first.keys().primary().publicKeyBase58(), second.keys().primary().publicKeyBase58());
            try (Socket s = TestNodes.send(second.mixAddress(), packet, packetVia(second, tag(), 0))) {
                assertTrue(TestNodes.await(() -> second.metrics().snapshot().replaysRejected() == 1, Duration.ofSeconds(5)));
                assertTrue(TestNodes.await(() -> delivered.get() == 2, Duration.ofSeconds(5)));   // the fresh one
            }
            Thread.sleep(100);
            assertEquals(2, delivered.get());
        } finally {
            second.stop(Duration.ofMillis(100));
        }
    }

    @Test
    void replayStateIsSavedPeriodicallyWhileRunning() throws Exception {
        NodeDaemon d = mix(TestNodes.config(dir.resolve("mix")).with(REPLAY_SAVE_INTERVAL, Duration.ofSeconds(1)));
        try {
            byte[] tag = tag();
            try (Socket s = TestNodes.send(d.mixAddress(), packetVia(d, tag, 0))) {
                assertTrue(TestNodes.await(() -> delivered.get() == 1, Duration.ofSeconds(5)));
            }
            Path data = dir.resolve("mix");
            assertTrue(TestNodes.await(() -> {
                try {
                    var loaded = ReplayStateFile.load(replayFile(data));
                    try (var f = loaded.filter()) {
                        return f.mightContain(tag);
                    }
                } catch (Exception e) {
                    return false;
                }
            }, Duration.ofSeconds(5)), "the tag never reached the saved filter");
            assertTrue(d.metrics().snapshot().event("replay_state_saved") >= 1);
        } finally {
            d.stop(Duration.ofMillis(100));
        }
    }

    @Test
    void aDamagedReplayFileIsSetAsideCountedAndReplaced() throws Exception {
        NodeConfig config = TestNodes.config(dir.resolve("mix"));
        NodeDaemon first = mix(config);
        try (Socket s = TestNodes.send(first.mixAddress(), packetVia(first, tag(), 0))) {
            assertTrue(TestNodes.await(() -> delivered.get() == 1, Duration.ofSeconds(5)));
        }
        first.stop(Duration.ofMillis(100));
        Path file = replayFile(dir.resolve("mix"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        NodeDaemon second = mix(config);
        second.stop(Duration.ofMillis(100));
        assertEquals(1, second.metrics().snapshot().event("replay_state_corrupt"));
        assertTrue(Files.exists(file.resolveSibling(file.getFileName() + ".corrupt")));
        ReplayStateFile.load(file).filter().close();   // a fresh, valid state was saved at stop
    }

    @Test
    void gracefulStopSendsWhatIsDueCountsTheRestAndSavesState() throws Exception {
        NodeDaemon d = mix(TestNodes.config(dir.resolve("mix")));
        byte[][] soon = new byte[10][];
        byte[][] late = new byte[10][];
        for (int i = 0; i < 10; i++) {
            soon[i] = packetVia(d, tag(), Duration.ofMillis(300).toNanos());
            late[i] = packetVia(d, tag(), Duration.ofSeconds(30).toNanos());
        }
        try (Socket s = TestNodes.send(d.mixAddress(), soon)) {
            s.getOutputStream().write(Arrays.stream(late).reduce(new byte[0], RestartAndStopTest::concat));
            assertTrue(TestNodes.await(() -> d.metrics().snapshot().scheduledPackets() == 20, Duration.ofSeconds(5)));
            d.stop(Duration.ofSeconds(1));
        }
        assertEquals(10, delivered.get(), "packets due within the grace period are still sent");
        assertEquals(10, d.metrics().snapshot().dropped("shutdown"));
        assertFalse(d.healthy());
        assertTrue(Files.exists(replayFile(dir.resolve("mix"))));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
