package network.mask.node.nymapistandin;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import network.mask.node.keys.IdentityKey;
import network.mask.node.nymapi.DirectoryNode;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiHttp;
import network.mask.node.nymapi.RewardedSet;
import network.mask.node.rotation.RotationSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in describes three real nodes from their APIs and serves them in nym-api's shapes, read
 * back by the node's own nym-api client over real HTTP on loopback.
 */
class NymApiStandInTest {

    @TempDir static Path dir;
    static List<ApiNode> nodes;
    static TestClock time = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    static NymApiStandIn standIn;
    static NymApiClient client;

    @BeforeAll
    static void start() throws Exception {
        nodes = List.of(ApiNode.start(dir.resolve("a")), ApiNode.start(dir.resolve("b")), ApiNode.start(dir.resolve("c")));
        standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofSeconds(30), 3, time), new HostInfoTestDescriber(), 2).start();
        for (int i = 0; i < nodes.size(); i++) standIn.register(nodes.get(i).apiBase(), NodeRole.ofLayer(i + 1));
        client = new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(5), "test"));
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (standIn != null) standIn.close();
        if (nodes != null) nodes.forEach(ApiNode::close);
    }

    @Test
    void keyRotationInfoFollowsTheShortClock() throws Exception {
        RotationSchedule s = client.keyRotationInfo().value();
        assertEquals(standIn.clock().schedule(), s);
        long before = s.currentAbsoluteEpochId();
        time.advance(Duration.ofSeconds(30 * 3));
        RotationSchedule later = client.keyRotationInfo().value();
        assertEquals(before + 3, later.currentAbsoluteEpochId());
        assertEquals(s.currentRotationId() + 1, later.currentRotationId(), "3 epochs per rotation");
    }

    @Test
    void everyDescribedNodeIsListedAcrossPagesWithTheKeyItAnnounces() throws Exception {
        NymApiClient.NodeList list = client.semiSkimmedNodes();   // 3 nodes, 2 per page: two pages
        assertEquals(3, list.nodes().size());
        for (int i = 0; i < nodes.size(); i++) {
            var keys = nodes.get(i).daemon.keys();
            DirectoryNode n = list.nodes().stream().filter(d -> d.identityKey().equals(keys.identity().publicKeyBase58()))
                    .findFirst().orElseThrow();
            assertEquals(keys.primary().publicKeyBase58(), n.sphinxKeyBase58());
            assertEquals(List.of(InetAddress.getByName("127.0.0.1")), n.ipAddresses());
            assertEquals(nodes.get(i).daemon.config().mixnet().port(), n.mixPort());
            assertEquals(NodeRole.ofLayer(i + 1), n.role());
        }
        RewardedSet set = client.rewardedSet().value();
        assertEquals(List.of(1L), set.layer1());
        assertEquals(List.of(2L), set.layer2());
        assertEquals(List.of(3L), set.layer3());
        assertEquals(NodeRole.LAYER2, set.roleOf(2));
    }

    @Test
    void byAddressesNamesTheNodeOrNone() throws Exception {
        Map<InetAddress, OptionalLong> answer = client.nodesByAddresses(
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.9")));
        assertTrue(answer.get(InetAddress.getByName("127.0.0.1")).isPresent());
        assertEquals(OptionalLong.empty(), answer.get(InetAddress.getByName("127.0.0.9")));
    }

    @Test
    void refreshDescribedIsAcceptedOnlyWhenSignedByTheNodeAndNotTooOften() throws Exception {
        IdentityKey identity = nodes.get(2).daemon.identity();
        Instant now = Instant.ofEpochSecond(time.instant().getEpochSecond());
        IdentityKey stranger = IdentityKey.generate(new java.security.SecureRandom());
        assertEquals(0, client.refreshDescribed(stranger, now), "unknown identity: 404");
        assertEquals(1, client.refreshDescribed(identity, now));
        assertEquals(0, client.refreshDescribed(identity, now), "nym-api allows one refresh per minute");
        time.advance(Duration.ofSeconds(61));
        assertEquals(0, client.refreshDescribed(identity, now), "stale timestamp (older than 30 s)");

        // A body signed by another key under this node's identity is refused as nym-api refuses it.
        long ts = time.instant().getEpochSecond();
        byte[] sig = stranger.sign(NymApiClient.refreshPlaintext(identity.publicKey(), ts));
        StringBuilder arr = new StringBuilder();
        for (byte b : sig) arr.append(arr.isEmpty() ? "" : ",").append(b & 0xFF);
        String body = "{\"node_identity\":\"" + identity.publicKeyBase58() + "\",\"request_timestamp\":" + ts
                + ",\"signature\":[" + arr + "]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        standIn.baseUrl().resolve("v1/nym-nodes/refresh-described"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(1, client.refreshDescribed(identity, time.instant()), "a fresh, well-signed request after a minute");
    }

    @Test
    void annotationCarriesAConfigScoreForTheDescribedNode() throws Exception {
        var a = client.annotation(1).orElseThrow();
        assertTrue(a.acceptedTermsAndConditions());
        assertFalse(client.annotation(99).isPresent());
    }

    @Test
    void theServedKeyFollowsNymApisRotationRule() {
        var primary = new DescribedNode.AnnouncedKey(4, "P");
        var next = new DescribedNode.AnnouncedKey(5, "N");
        DescribedNode d = new DescribedNode("id", List.of("1.2.3.4"), Optional.empty(), 1789, primary, Optional.of(next),
                Optional.empty(), true, "nym-node", "1.0.0", true);
        assertEquals("P", StandInJson.currentSphinxKey(d, 4));
        assertEquals("N", StandInJson.currentSphinxKey(d, 5), "the pre-announced key once its rotation is current");
        assertEquals("P", StandInJson.currentSphinxKey(d, 7), "fallback: the primary");
        Set<String> legacy = Set.of(StandInJson.currentSphinxKey(new DescribedNode("id", List.of(), Optional.empty(), 1,
                new DescribedNode.AnnouncedKey(0xFFFF_FFFFL, "L"), Optional.empty(), Optional.empty(), true, "", "", false), 3));
        assertEquals(Set.of("L"), legacy.stream().collect(Collectors.toSet()));
    }

    @Test
    void unknownRoutesAnswer404InNymApisErrorShape() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(standIn.baseUrl().resolve("v1/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("\"message\""));
        URI none = standIn.baseUrl();
        assertNotNull(none);
    }
}
