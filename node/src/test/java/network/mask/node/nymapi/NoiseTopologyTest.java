package network.mask.node.nymapi;

import static network.mask.node.config.ConfigSchema.NOISE_ENABLED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import network.mask.node.keys.Base58;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.nymapistandin.ApiNode;
import network.mask.node.nymapistandin.EpochClock;
import network.mask.node.nymapistandin.HttpNodeDescriber;
import network.mask.node.nymapistandin.NymApiStandIn;
import network.mask.node.testing.TestNodes;
import network.mask.node.topology.KnownNodes;
import network.mask.node.topology.NoisePeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Noise key travels as on the real network: announced in the node's signed host information, read
 * by nym-api (the stand-in) into {@code x25519_noise_versioned_key} of the semi-skimmed list, and read
 * back by the directory into the Noise view every (IP, mix port) of the node maps to.
 */
class NoiseTopologyTest {

    @TempDir Path dir;

    @Test
    void aNodesAnnouncedNoiseKeyReachesOtherNodesNoiseView() throws Exception {
        try (ApiNode withNoise = ApiNode.start(dir.resolve("a"));
             ApiNode without = ApiNode.start(dir.resolve("b"), TestNodes.config(dir.resolve("b")).with(NOISE_ENABLED, false));
             NymApiStandIn standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofMinutes(1), 3, Clock.systemUTC()),
                     new HttpNodeDescriber(true), 100, 0).start()) {
            standIn.register(withNoise.apiBase(), NodeRole.LAYER1);
            standIn.register(without.apiBase(), NodeRole.LAYER2);
            standIn.describeAll();
            assertEquals(2, standIn.describedCount());
            NoisePeers peers = new NoisePeers();
            try (NetworkDirectory directory = new NetworkDirectory(
                    new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(5), "test")),
                    new LastKnownGood(dir.resolve("state")), new KnownNodes(), peers, without.daemon.identity(), () -> "x",
                    new NetworkDirectory.Settings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)), Clock.systemUTC())) {
                assertTrue(directory.refresh());
            }
            InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), withNoise.daemon.mixAddress().getPort());
            InetSocketAddress b = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), without.daemon.mixAddress().getPort());
            VersionedNoiseKey key = peers.keyFor(a).orElseThrow();
            assertEquals(1, key.supportedVersion());
            assertArrayEquals(Base58.decode(withNoise.daemon.noiseKeyBase58().orElseThrow()), key.x25519PublicKey());
            assertTrue(peers.keyFor(b).isEmpty(), "a node without Noise gets plain TCP");
            assertTrue(without.daemon.noiseKeyBase58().isEmpty());
            assertTrue(peers.announcesNoise(InetAddress.getByName("127.0.0.1")));
            assertTrue(peers.announcesNoise(InetAddress.getByName("::ffff:127.0.0.1")), "an IPv4-mapped peer address counts as its IPv4");
            assertFalse(peers.announcesNoise(InetAddress.getByName("127.0.0.2")));
        }
    }

    @Test
    void aMalformedNoiseKeyIsATypedError() {
        String node = NymApiShapesTest.NODE.formatted(Base58.encode(new byte[32]), Base58.encode(new byte[32]));
        for (String bad : List.of("{\"supported_version\":1,\"x25519_pubkey\":\"abc\"}",
                "{\"supported_version\":256,\"x25519_pubkey\":\"" + Base58.encode(new byte[32]) + "\"}", "\"yes\"")) {
            String json = node.replace("\"x25519_noise_versioned_key\":null", "\"x25519_noise_versioned_key\":" + bad);
            NymApiException e = assertThrows(NymApiException.class,
                    () -> DirectoryNode.fromSemiSkimmed(Json.createReader(new StringReader(json)).readValue()), bad);
            assertEquals(NymApiException.Kind.MALFORMED, e.kind());
        }
    }
}
