package network.mask.node.nymapi;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import network.mask.node.nymapistandin.ApiNode;
import network.mask.node.nymapistandin.EpochClock;
import network.mask.node.nymapistandin.HostInfoTestDescriber;
import network.mask.node.nymapistandin.NymApiStandIn;
import network.mask.node.nymapistandin.TestClock;
import network.mask.node.testing.TestNodes;
import network.mask.node.topology.KnownNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nym-api unreachable, hanging, answering garbage, then back (the stand-in): the node says so once,
 * runs on its last-known-good copy, and recovers. Real loopback servers throughout.
 */
class NetworkDirectoryTest {

    static final NetworkDirectory.Settings SLOW_TIMERS =
            new NetworkDirectory.Settings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

    @TempDir Path dir;
    BadApiServers bad = new BadApiServers();
    ApiNode node;
    NymApiStandIn standIn;

    @BeforeEach
    void startNode() throws Exception {
        node = ApiNode.start(dir.resolve("node"));
    }

    @AfterEach
    void stop() throws Exception {
        bad.close();
        if (standIn != null) standIn.close();
        node.close();
    }

    NetworkDirectory directory(List<URI> urls, KnownNodes known, Duration timeout, NetworkDirectory.Settings settings) {
        return new NetworkDirectory(new NymApiClient(new NymApiHttp(urls, timeout, "test")), new LastKnownGood(dir.resolve("state")),
                known, node.daemon.identity(), () -> "announce", settings, Clock.systemUTC());
    }

    NymApiStandIn standInOn(int port) throws Exception {
        NymApiStandIn s = new NymApiStandIn(EpochClock.startingNow(Duration.ofMinutes(1), 3, Clock.systemUTC()),
                new HostInfoTestDescriber(), 100, port).start();
        s.register(node.apiBase(), NodeRole.LAYER2);
        return s;
    }

    @Test
    void refusedHangingAndGarbageApisAreSaidOnceThenTheNodeRecoversWhenOneAnswers() throws Exception {
        int port = TestNodes.freePort();   // nothing listens here yet: connection refused
        List<URI> urls = List.of(URI.create("http://127.0.0.1:" + port + "/api/"), bad.start(BadApiServers.Behaviour.HANG),
                bad.start(BadApiServers.Behaviour.HTML), bad.start(BadApiServers.Behaviour.NOT_HTTP));
        KnownNodes known = new KnownNodes();
        try (LogCapture log = new LogCapture(NetworkDirectory.class);
             NetworkDirectory directory = directory(urls, known, Duration.ofSeconds(2), SLOW_TIMERS)) {
            for (int i = 0; i < 3; i++) assertFalse(directory.refresh());
            assertEquals(1, log.count(Level.WARNING, "nym-api unreachable"), "said once per outage, not per attempt");
            NetworkView down = directory.view();
            assertFalse(down.apiReachable());
            assertTrue(down.unreachableSince().isPresent());
            assertTrue(down.summary().contains("no directory known yet"), down.summary());
            Map<String, Long> failures = down.failures();
            assertEquals(3, failures.get("unreachable"), failures.toString());
            assertTrue(failures.get("timeout") >= 3, failures.toString());
            // HTML and non-HTTP bytes are typed parse errors (on a loaded machine one may time out first)
            assertTrue(failures.get("malformed") >= 4, failures.toString());
            assertEquals(9, failures.get("timeout") + failures.get("malformed"), failures.toString());
            assertTrue(directory.latest().isEmpty());
            assertEquals(0, known.size());

            standIn = standInOn(port);
            assertTrue(directory.refresh());
            assertEquals(1, log.count(Level.INFO, "nym-api answers again"));
            NetworkView up = directory.view();
            assertTrue(up.apiReachable(), up.summary());
            assertTrue(up.listed());
            assertEquals(1, up.nodeId().orElseThrow());
            assertEquals(NodeRole.LAYER2, up.role().orElseThrow());
            assertTrue(up.configScore().isPresent());
            assertEquals(standIn.clock().currentRotationId(), up.currentRotationId().orElseThrow());
            assertEquals(standIn.clock().schedule(), directory.latest().orElseThrow());
            assertTrue(known.isAllowed(InetAddress.getByName("127.0.0.1")));
            assertTrue(Files.exists(dir.resolve("state").resolve("nym-api").resolve("last-known-good.json")));
        }
    }

    @Test
    void aRestartWithoutNetworkRunsOnTheLastKnownGoodCopyAndSaysSo() throws Exception {
        standIn = standInOn(0);
        try (NetworkDirectory first = directory(List.of(standIn.baseUrl()), new KnownNodes(), Duration.ofSeconds(5), SLOW_TIMERS)) {
            assertTrue(first.refresh());
        }
        var learned = standIn.clock().schedule();
        standIn.close();
        standIn = null;

        KnownNodes known = new KnownNodes();
        int dead = TestNodes.freePort();
        try (LogCapture log = new LogCapture(NetworkDirectory.class);
             NetworkDirectory restarted = directory(List.of(URI.create("http://127.0.0.1:" + dead + "/api/")), known,
                     Duration.ofMillis(500), SLOW_TIMERS)) {
            restarted.start();   // loads the copy at once, then tries nym-api on its own thread
            assertEquals(learned, restarted.latest().orElseThrow());
            assertTrue(known.isAllowed(InetAddress.getByName("127.0.0.1")));
            assertTrue(TestNodes.await(() -> restarted.view().unreachableSince().isPresent(), Duration.ofSeconds(10)));
            NetworkView view = restarted.view();
            assertTrue(view.onLastKnownGood());
            assertTrue(view.summary().contains("running on the last-known-good directory"), view.summary());
            assertEquals(1, log.count(Level.WARNING, "running on the last-known-good directory"));
        }
    }

    @Test
    void theCopyOnDiskIsRewrittenOnlyWhenWhatRoutingNeedsChanged() throws Exception {
        TestClock time = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofMinutes(1), 3, time), new HostInfoTestDescriber(), 100).start();
        standIn.register(node.apiBase(), NodeRole.LAYER1);
        LastKnownGood copy = new LastKnownGood(dir.resolve("lkg"));
        try (NymApiClient client = new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(5), "test"))) {
            assertTrue(copy.saveIfChanged(read(client)));
            assertFalse(copy.saveIfChanged(read(client)), "same content: the SD card is spared");
            time.advance(Duration.ofMinutes(1));   // a new epoch: the schedule changed
            assertTrue(copy.saveIfChanged(read(client)));
            assertEquals(1, new LastKnownGood(dir.resolve("lkg")).load().orElseThrow().schedule().currentAbsoluteEpochId());
        }
    }

    @Test
    void anEmptyNodeListNeverReplacesAWorkingTopology() throws Exception {
        standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofMinutes(1), 3, Clock.systemUTC()),
                new HostInfoTestDescriber(), 100).start();   // nobody registered: it lists no nodes
        KnownNodes known = new KnownNodes();
        known.replaceTopology(List.of(InetAddress.getByName("203.0.113.1")));
        try (NetworkDirectory directory = directory(List.of(standIn.baseUrl()), known, Duration.ofSeconds(5), SLOW_TIMERS)) {
            assertFalse(directory.refresh());
            assertTrue(directory.view().lastError().contains("listed no nodes"), directory.view().lastError());
            assertTrue(known.isAllowed(InetAddress.getByName("203.0.113.1")));
            assertFalse(Files.exists(new LastKnownGood(dir.resolve("state")).file()));
        }
    }

    @Test
    void aDamagedCopyIsReportedAndIgnoredNeverHalfUsed() throws Exception {
        Path file = new LastKnownGood(dir.resolve("bad")).file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"as_of\":\"2026-01-01T00:00:00Z\",\"nodes\":[{\"basic\":{}}]}");
        NymApiException e = assertThrows(NymApiException.class, () -> new LastKnownGood(dir.resolve("bad")).load());
        assertEquals(NymApiException.Kind.MALFORMED, e.kind());
    }

    static Directory read(NymApiClient client) throws NymApiException {
        var s = client.keyRotationInfo();
        var n = client.semiSkimmedNodes();
        var r = client.rewardedSet();
        return new Directory(s.value(), n.nodes(), r.value(), s.json(), n.json(), r.json(), Instant.now());
    }
}
