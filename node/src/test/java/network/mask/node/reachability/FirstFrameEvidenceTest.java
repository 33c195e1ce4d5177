package network.mask.node.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node's mix listener tells the reachability log of a connection's first valid frame, with
 * the peer's address, once per connection; a connection that only sends garbage proves nothing.
 */
class FirstFrameEvidenceTest {

    @TempDir
    Path dir;

    private NodeDaemon node;

    @AfterEach
    void stop() {
        if (node != null) node.stop(Duration.ofMillis(100));
    }

    @Test
    void theFirstWholeFrameOfAConnectionIsEvidenceGarbageIsNot() throws Exception {
        List<InetAddress> witnessed = new CopyOnWriteArrayList<>();
        ReachabilityLog log = new ReachabilityLog(dir.resolve("evidence"), Clock.systemUTC(), true);
        node = NodeDaemon.builder(TestNodes.config(dir.resolve("node"))).hopEngines(ToyOnion::engine).build();
        node.witnessFirstFrames(source -> {
            witnessed.add(source);
            log.record(Witness.MIX_PEER, source);
        });
        node.start();

        try (Socket garbage = new Socket(node.mixAddress().getAddress(), node.mixAddress().getPort())) {
            OutputStream out = garbage.getOutputStream();
            out.write(new byte[] {(byte) 0xEE, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            out.flush();
            garbage.getInputStream().read();   // the node closes a stream with a bad header
        }
        assertEquals(List.of(), witnessed, "a bad header is no evidence");
        assertEquals(Optional.empty(), log.lastReached());

        byte[] frame = TestNodes.frame(new byte[ToyOnion.SIZE.packetLength()]);
        try (Socket peer = TestNodes.send(node.mixAddress(), frame, frame, frame)) {
            assertTrue(TestNodes.await(() -> !witnessed.isEmpty(), Duration.ofSeconds(10)), "the first frame is evidence");
            assertTrue(TestNodes.await(() -> node.metrics().snapshot().packetsReceived() >= 3, Duration.ofSeconds(10)));
        }
        assertEquals(List.of(InetAddress.getLoopbackAddress()), witnessed, "once per connection, with the peer's address");
        assertEquals(Witness.MIX_PEER, log.lastReached().orElseThrow().by());
    }
}
