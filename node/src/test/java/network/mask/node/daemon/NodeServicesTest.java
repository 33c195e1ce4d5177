package network.mask.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.mask.node.config.ConfigSchema;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition point: services around the mix pipeline, and a start that fails cleanly. */
class NodeServicesTest {

    @TempDir Path dir;

    @Test
    void servicesStartAfterTheListenerInOrderAndStopInReverse() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        NodeDaemon[] self = new NodeDaemon[1];
        NodeDaemon d = NodeDaemon.builder(TestNodes.config(dir)).hopEngines(ToyOnion::engine)
                .service(service("api", log, () -> self[0].mixAddress() != null && self[0].healthy()))
                .build();
        self[0] = d;
        d.addService(new NodeService() {
            public void start() { throw new IllegalStateException("broker down"); }
            public void stop() { log.add("stop broken"); }
        });
        d.addService(service("leds", log, () -> true));
        d.start();
        assertEquals(List.of("start api true", "start leds true"), log);
        assertTrue(d.healthy());
        assertThrows(IllegalStateException.class, () -> d.addService(service("late", log, () -> true)));
        d.stop(Duration.ofMillis(100));
        assertEquals(List.of("start api true", "start leds true", "stop leds", "stop api"), log);
        assertFalse(d.healthy());
        assertNotNull(d.identity().publicKeyBase58());
        assertEquals(64, d.identity().sign(new byte[] {1}).length);
    }

    static NodeService service(String name, List<String> log, java.util.function.BooleanSupplier check) {
        return new NodeService() {
            public void start() { log.add("start " + name + " " + check.getAsBoolean()); }
            public void stop() { log.add("stop " + name); }
            public String name() { return name; }
        };
    }

    @Test
    void aMixPortInUseFailsTheStartAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeDaemon d = NodeDaemon.builder(TestNodes.config(dir).with(ConfigSchema.MIX_PORT, taken.getLocalPort()))
                    .hopEngines(ToyOnion::engine).build();
            assertThrows(Exception.class, d::start);
            assertFalse(d.healthy());
        }
        NodeDaemon again = NodeDaemon.builder(TestNodes.config(dir)).hopEngines(ToyOnion::engine).build();
        again.start();   // same data directory: keys and replay state were left usable
        assertTrue(again.healthy());
        again.stop(Duration.ofMillis(100));
    }
}
