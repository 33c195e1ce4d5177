package network.mask.node.incoming;

import static network.mask.node.config.ConfigSchema.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender faster than the workers is slowed down by TCP, and loses nothing. */
class BackpressureTest {

    @TempDir Path dir;

    @Test
    void aFullIngressQueueStopsReadingInsteadOfDropping() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        NodeDaemon sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink"))).hopEngines(ToyOnion::engine)
                .finalHopHandler((f, frame) -> delivered.incrementAndGet()).build();
        // One slow worker (1 ms per packet) behind a queue of 4: the sender outruns it by far.
        NodeDaemon mix = NodeDaemon.builder(TestNodes.config(dir.resolve("mix"))
                        .with(LIMIT_INGRESS_QUEUE, 4).with(LIMIT_WORKER_THREADS, 1))
                .hopEngines(() -> (packet, key, guard) -> {
                    LockSupport.parkNanos(1_000_000);
                    return ToyOnion.process(packet, key, guard);
                }).build();
        sink.start();
        mix.start();
        try {
            int n = 1500;   // 3.6 MB: more than the socket buffers hold, so TCP must push back
            Random r = new Random(1);
            try (Socket s = TestNodes.send(mix.mixAddress())) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < n; i++) {
                    byte[] t1 = new byte[32], t2 = new byte[32];
                    r.nextBytes(t1);
                    r.nextBytes(t2);
                    out.write(TestNodes.frame(ToyOnion.build(List.of(
                            new ToyOnion.Hop(mix.keys().primary().privateKeyForEngine(), t1, sink.mixAddress(), 0, null),
                            new ToyOnion.Hop(sink.keys().primary().privateKeyForEngine(), t2, null, 0, new byte[16])),
                            new byte[0])));
                }
                out.flush();
                assertTrue(TestNodes.await(() -> delivered.get() == n, Duration.ofSeconds(60)), "delivered " + delivered.get());
            }
            assertTrue(TestNodes.await(() -> mix.metrics().snapshot().packetsForwarded() == n, Duration.ofSeconds(5)));
            MetricsSnapshot m = mix.metrics().snapshot();
            assertEquals(0, m.packetsDropped(), () -> "drops: " + m.droppedByReason());
            assertTrue(m.event("ingress_paused") > 0, "reading was never paused");
            assertEquals(n, m.packetsForwarded());
        } finally {
            mix.stop(Duration.ofMillis(100));
            sink.stop(Duration.ofMillis(100));
        }
    }
}
