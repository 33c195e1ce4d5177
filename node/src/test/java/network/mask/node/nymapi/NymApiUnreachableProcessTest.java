package network.mask.node.nymapi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import network.mask.node.cli.Main;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.keys.IdentityKey;
import network.mask.node.keys.KeyStore;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.nymapistandin.ApiNode;
import network.mask.node.nymapistandin.EpochClock;
import network.mask.node.nymapistandin.HostInfoTestDescriber;
import network.mask.node.nymapistandin.NymApiStandIn;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.testing.TestNodes;
import network.mask.node.topology.KnownNodes;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Done-when, with a real {@code masknode run} process: nym-api unreachable at start, the node
 * starts on its last-known-good copy and says so once; packets flow while nym-api hangs; the node
 * recovers when nym-api (the stand-in) comes back on the same URL.
 */
class NymApiUnreachableProcessTest {

    @TempDir Path dir;

    @Test
    void aNodeWithoutNymApiRunsOnItsLastKnownGoodCopySaysSoOnceAndRecovers() throws Exception {
        Path data = dir.resolve("node");
        seedLastKnownGood(data);
        SecureRandom random = new SecureRandom();
        NodeKeys keys = new NodeKeys(IdentityKey.generate(random), SphinxKey.generate(1, random), null);
        new KeyStore(data, random).save(keys);

        int apiUrlPort = TestNodes.freePort();
        BadApiServers bad = new BadApiServers();
        URI hanging = bad.start(BadApiServers.Behaviour.HANG);
        URI garbage = bad.start(BadApiServers.Behaviour.NOT_HTTP);
        int mixPort = TestNodes.freePort();
        int apiPort = TestNodes.freePort();
        Files.writeString(data.resolve("masknode.toml"), """
                [mixnet]
                bind_host = "127.0.0.1"
                announce_host = "127.0.0.1"
                allow_private_next_hops = true
                [api]
                bind_host = "127.0.0.1"
                [admin]
                bind_host = "127.0.0.1"
                [replay]
                expected_rate = 10
                [network]
                nym_api_urls = "http://127.0.0.1:%d/api/, %s, %s"
                nym_api_timeout = "1s"
                topology_refresh = "2s"
                """.formatted(apiUrlPort, hanging, garbage));

        List<String> lines = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<Long, Boolean> arrived = new ConcurrentHashMap<>();
        NodeDaemon sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink")))
                .hopEngines(network.mask.node.worker.HopEngine::sphinx)
                .finalHopHandler((f, frame) -> arrived.put(ByteBuffer.wrap(f.surbId()).getLong(), true)).build();
        sink.start();
        BadApiServers down = new BadApiServers();
        try (bad; down) {
            down.start(BadApiServers.Behaviour.CLOSE, apiUrlPort);   // the first nym-api "down": connections closed at once
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx96m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--data", data.toString(), "--mix-port", Integer.toString(mixPort),
                    "--api-port", Integer.toString(apiPort), "--admin-port", Integer.toString(TestNodes.freePort()))
                    .redirectErrorStream(true).start();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    r.lines().forEach(lines::add);
                } catch (java.io.IOException ignored) {
                    // process gone
                }
            });
            try {
                assertTrue(TestNodes.await(() -> has(lines, "loaded the last-known-good directory"), Duration.ofSeconds(60)), lines::toString);
                // every URL tried, more than once: closed, hanging (1 s timeout), garbage
                assertTrue(TestNodes.await(() -> down.accepted.get() >= 3 && bad.accepted.get() >= 6, Duration.ofSeconds(60)),
                        "the node retries");
                assertTrue(TestNodes.await(() -> has(lines, "masknode: ready"), Duration.ofSeconds(60)), lines::toString);
                assertEquals(1, count(lines, "running on the last-known-good directory"), lines::toString);

                // Packets are mixed while nym-api is down, hangs or talks garbage.
                sendThrough(keys, mixPort, sink, 0, 20);
                assertTrue(TestNodes.await(() -> arrived.size() == 20, Duration.ofSeconds(20)), arrived.size() + " of 20");

                // nym-api comes back on the first URL.
                down.close();
                try (ApiNode other = ApiNode.start(dir.resolve("other"));
                     NymApiStandIn standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofMinutes(1), 3, Clock.systemUTC()),
                             new HostInfoTestDescriber(), 100, apiUrlPort).start()) {
                    standIn.register(URI.create("http://127.0.0.1:" + apiPort), NodeRole.LAYER1);
                    standIn.register(other.apiBase(), NodeRole.LAYER2);
                    assertTrue(TestNodes.await(() -> has(lines, "nym-api answers again"), Duration.ofSeconds(60)), lines::toString);
                    assertTrue(TestNodes.await(() -> has(lines, "asked to describe this node again; 1 of 3"), Duration.ofSeconds(60)),
                            lines::toString);
                    sendThrough(keys, mixPort, sink, 100, 20);
                    assertTrue(TestNodes.await(() -> arrived.size() == 40, Duration.ofSeconds(20)), arrived.size() + " of 40");
                }
                assertEquals(1, count(lines, "running on the last-known-good directory"), "still said once");
            } finally {
                p.destroyForcibly();
                p.waitFor();
            }
        } finally {
            sink.stop(Duration.ZERO);
        }
    }

    /** A directory from a stand-in, saved where the node will look for it. */
    private void seedLastKnownGood(Path data) throws Exception {
        try (ApiNode described = ApiNode.start(dir.resolve("seed"));
             NymApiStandIn standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofMinutes(1), 3, Clock.systemUTC()),
                     new HostInfoTestDescriber(), 100).start();
             NetworkDirectory d = new NetworkDirectory(new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()),
                     Duration.ofSeconds(5), "test")), new LastKnownGood(data), new KnownNodes(), described.daemon.identity(),
                     () -> "x", NetworkDirectoryTest.SLOW_TIMERS, Clock.systemUTC())) {
            standIn.register(described.apiBase(), NodeRole.LAYER1);
            assertTrue(d.refresh());
        }
        assertTrue(Files.exists(new LastKnownGood(data).file()));
    }

    private static void sendThrough(NodeKeys keys, int mixPort, NodeDaemon sink, long firstSeq, int n) throws Exception {
        SphinxPacketBuilder builder = new SphinxPacketBuilder();
        try (Socket s = TestNodes.send(TestNodes.loopback(mixPort))) {
            OutputStream out = s.getOutputStream();
            for (long seq = firstSeq; seq < firstSeq + n; seq++) {
                byte[] packet = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR,
                        List.of(new RouteHop(keys.primary().publicKey(), new NodeAddress(TestNodes.loopback(mixPort)), 0),
                                new RouteHop(sink.keys().primary().publicKey(), new NodeAddress(sink.mixAddress()), 0)),
                        new byte[32], ByteBuffer.allocate(16).putLong(seq).array(), new byte[] {1, 2, 3});
                out.write(FrameCodec.frame(FramingVersion.V7, PacketSize.REGULAR, KeyRotation.UNKNOWN, packet));
            }
            out.flush();
        }
    }

    private static boolean has(List<String> lines, String text) {
        return count(lines, text) > 0;
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }
}
