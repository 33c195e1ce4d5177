package network.mask.node.api;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import network.mask.node.apilink.PublicStatus;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapistandin.DescribedNode;
import network.mask.node.nymapistandin.HttpNodeDescriber;
import network.mask.node.status.DirectoryFacts;
import network.mask.node.status.NodeStatus;
import network.mask.node.status.StatusFacts;
import network.mask.node.status.StatusModel;
import org.junit.jupiter.api.Test;

/**
 * The public status on {@code /api/v1/health} comes from the one status model: the network
 * condition only, beside nym's {@code "status": "up"}, which nym-api's describer still reads.
 * Health conditions (a hot CPU, low memory) and the owner's sentences never reach the public.
 */
class PublicHealthStatusTest {

    static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    static NodeStatus status(boolean listed, Set<String> health) {
        DirectoryFacts d = listed
                ? new DirectoryFacts(true, true, true, Optional.empty(), "", true, OptionalLong.of(7), Optional.of(NodeRole.LAYER2),
                        OptionalDouble.of(1.0))
                : new DirectoryFacts(true, true, true, Optional.empty(), "", false, OptionalLong.empty(), Optional.empty(),
                        OptionalDouble.empty());
        return StatusModel.of(new StatusFacts(true, true, d, Optional.of(NOW.minusSeconds(180)),
                Optional.of(new StatusFacts.Evidence(NOW.minusSeconds(180), "the network's directory")), health, NOW));
    }

    static JsonObject health(PublicApiServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void theHealthRouteCarriesTheModelsNetworkConditionAndNothingPrivate() throws Exception {
        AtomicReference<NodeStatus> model = new AtomicReference<>(status(false, Set.of()));
        TestIdentity identity = TestIdentity.withSeed(4);
        try (PublicApiServer server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), identity,
                new ApiTestDoubles.Profile(), BuildInformation.describing("0.2.0", true), new ApiTestDoubles.Metrics())
                .reportNetworkState(() -> Optional.of(PublicStatus.of(model.get()))).start()) {
            JsonObject notBonded = health(server);
            assertEquals("up", notBonded.getString("status"), "nym's gate is untouched");
            assertEquals("not-bonded", notBonded.getJsonObject("mask_node").getString("network_state"));
            assertFalse(notBonded.getJsonObject("mask_node").getBoolean("on_the_network"));

            model.set(status(true, Set.of("cpu-hot", "memory-low")));
            assertEquals("amber", model.get().light().name().toLowerCase(), "the owner sees a hot, short-of-memory box in amber");
            JsonObject working = health(server);
            assertEquals("working", working.getJsonObject("mask_node").getString("network_state"));
            assertTrue(working.getJsonObject("mask_node").getBoolean("on_the_network"));
            String text = working.toString();
            assertFalse(text.contains("hot") || text.contains("memory") || text.contains("node #") || text.contains("Reached"),
                    "health and the owner's sentences stay private: " + text);
            assertEquals(Set.of("status", "uptime", "mask_node"), working.keySet());

            // nym-api's describer still reads the node (unknown fields are ignored, as serde does)
            DescribedNode d = new HttpNodeDescriber(false).describe(URI.create("http://127.0.0.1:" + server.port() + "/"),
                    identity.ed25519IdentityKey());
            assertEquals("nym-node", d.binaryName());
        }
    }

    @Test
    void withoutAStatusModelTheHealthRouteIsNymsOwn() throws Exception {
        try (PublicApiServer server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), TestIdentity.withSeed(5),
                new ApiTestDoubles.Profile(), BuildInformation.describing("0.2.0", true), new ApiTestDoubles.Metrics()).start()) {
            assertEquals(Set.of("status", "uptime"), health(server).keySet());
        }
    }

    @Test
    void aStatusThatCannotBeDerivedIsLeftOutNotGuessed() throws Exception {
        try (PublicApiServer server = new PublicApiServer(new ApiSettings("127.0.0.1", 0, null), TestIdentity.withSeed(6),
                new ApiTestDoubles.Profile(), BuildInformation.describing("0.2.0", true), new ApiTestDoubles.Metrics())
                .reportNetworkState(() -> { throw new IllegalStateException("no config yet"); }).start()) {
            JsonObject h = health(server);
            assertEquals("up", h.getString("status"));
            assertFalse(h.containsKey("mask_node"));
        }
    }
}
