package network.mask.node.nymapi;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reward routes read from a real loopback server that answers what the test tells it: nym's
 * shapes parse; answers that lie (a percent above 1, a negative or non-decimal amount, another
 * denom, a zero saturation point) are typed MALFORMED errors and counted, never half-used.
 */
class RewardShapesTest {

    static final String PARAMS = """
            {"interval":{"reward_pool":"166613455567357.391753168447944888","staking_supply":"61194672938727.325886595653401629",
            "staking_supply_scale_factor":"0.07342892","epoch_reward_budget":"4628151543.537705326476901331",
            "stake_saturation_point":"254977803911.363857860815222506","sybil_resistance":"0.3","active_set_work_factor":"10",
            "interval_pool_emission":"0.02"},"rewarded_set":{"entry_gateways":80,"exit_gateways":100,"mixnodes":60,"standby":0}}""";
    static final String INTERVAL = """
            {"id":12,"epochs_in_interval":720,"current_epoch_start":"2026-03-01T10:00:00Z","current_epoch_id":17,
            "epoch_length":{"secs":3600,"nanos":0},"total_elapsed_epochs":8657}""";
    static final String KEY = "4yRrm1hdCxMRNt5hNYV1nzsdX7oHZxKBJ2EHpxJa7XT4";
    static final String BONDED = """
            {"pagination":{"total":2,"page":0,"size":2},"data":[
            {"bond_information":{"node_id":5,"owner":"n1a","original_pledge":{"denom":"unym","amount":"100000000"},"bonding_height":1,
             "is_unbonding":false,"node":{"host":"1.2.3.4","custom_http_port":null,"identity_key":"%s"}},
             "rewarding_details":{"cost_params":{"profit_margin_percent":"0.2","interval_operating_cost":{"denom":"unym","amount":"40000000"}},
             "operator":"100123456.5","delegates":"0","total_unit_reward":"0","unit_delegation":"1000000000","last_rewarded_epoch":3,
             "unique_delegations":0},"pending_changes":{"pledge_change":null,"cost_params_change":null}},
            {"bond_information":{"node_id":9,"owner":"n1b","original_pledge":{"denom":"%s","amount":"200000000"},"bonding_height":1,
             "is_unbonding":true,"node":{"host":"5.6.7.8","custom_http_port":8080,"identity_key":"%s"}},
             "rewarding_details":{"cost_params":{"profit_margin_percent":"%s","interval_operating_cost":{"denom":"unym","amount":"40000000"}},
             "operator":"200000000","delegates":"50000000","total_unit_reward":"0","unit_delegation":"1000000000","last_rewarded_epoch":3,
             "unique_delegations":1},"pending_changes":{"pledge_change":null,"cost_params_change":null}}]}""";

    final Map<String, String> answers = new ConcurrentHashMap<>();
    HttpServer server;
    NymApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", x -> {
            try (x) {
                String body = answers.getOrDefault(x.getRequestURI().getPath(), "{\"message\":\"no route\"}");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(answers.containsKey(x.getRequestURI().getPath()) ? 200 : 404, bytes.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        client = new NymApiClient(new NymApiHttp(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/")),
                Duration.ofSeconds(5), "test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void nymsShapesParse() throws Exception {
        answers.put("/api/v1/epoch/reward_params", PARAMS);
        answers.put("/api/v1/epoch/current", INTERVAL);
        answers.put("/api/v1/nym-nodes/bonded", BONDED.formatted(KEY, "unym", KEY, "0.1"));
        RewardingParams p = client.rewardParams().orElseThrow();
        assertEquals(4628151543.537705, p.epochRewardBudget(), 1e-3);
        assertEquals(0.3, p.sybilResistance());
        assertEquals(240, p.rewardedSetSize());
        EpochInterval i = client.currentInterval().orElseThrow();
        assertEquals(720, i.epochsInInterval());
        assertEquals(8657, i.currentEpochAbsoluteId());
        assertEquals(8657 + 2, i.epochAt(java.time.Instant.parse("2026-03-01T12:30:00Z")));
        assertEquals(24.0, i.epochsPerDay());
        NodeBond b = client.bondedNode(5).orElseThrow();
        assertEquals(100123456.5, b.operatorUnym());
        assertEquals(100_000_000, b.originalPledgeUnym());
        assertEquals(0.2, b.profitMargin());
        assertEquals(40_000_000, b.intervalOperatingCostUnym());
        assertFalse(b.unbonding());
        assertTrue(client.bondedNode(9).orElseThrow().unbonding());
        assertTrue(client.bondedNode(77).isEmpty(), "no bond with that id");
        assertTrue(client.rewardInputs(5, java.time.Instant.EPOCH).isPresent());
    }

    @Test
    void nullAnswersMeanNotKnownYet() throws Exception {
        answers.put("/api/v1/epoch/reward_params", "null");
        answers.put("/api/v1/epoch/current", "null");
        answers.put("/api/v1/nym-nodes/bonded", BONDED.formatted(KEY, "unym", KEY, "0.1"));
        assertTrue(client.rewardParams().isEmpty());
        assertTrue(client.currentInterval().isEmpty());
        assertTrue(client.rewardInputs(5, java.time.Instant.EPOCH).isEmpty());
    }

    @Test
    void lyingAnswersAreTypedErrorsAndCounted() {
        List<String> lies = List.of(
                PARAMS.replace("\"sybil_resistance\":\"0.3\"", "\"sybil_resistance\":\"1.5\""),
                PARAMS.replace("\"reward_pool\":\"166613455567357.391753168447944888\"", "\"reward_pool\":\"-1\""),
                PARAMS.replace("\"epoch_reward_budget\":\"4628151543.537705326476901331\"", "\"epoch_reward_budget\":4628151543.5"),
                PARAMS.replace("\"stake_saturation_point\":\"254977803911.363857860815222506\"", "\"stake_saturation_point\":\"0\""),
                PARAMS.replace("\"mixnodes\":60", "\"mixnodes\":0"),
                PARAMS.replace("\"active_set_work_factor\":\"10\"", "\"active_set_work_factor\":\"1e400\""));
        for (String lie : lies) {
            answers.put("/api/v1/epoch/reward_params", lie);
            NymApiException e = assertThrows(NymApiException.class, client::rewardParams, lie);
            assertEquals(NymApiException.Kind.MALFORMED, e.kind(), e.getMessage());
        }
        answers.put("/api/v1/epoch/current", INTERVAL.replace("\"epochs_in_interval\":720", "\"epochs_in_interval\":0"));
        assertEquals(NymApiException.Kind.MALFORMED, assertThrows(NymApiException.class, client::currentInterval).kind());
        answers.put("/api/v1/epoch/current", INTERVAL.replace("2026-03-01T10:00:00Z", "yesterday"));
        assertEquals(NymApiException.Kind.MALFORMED, assertThrows(NymApiException.class, client::currentInterval).kind());
        answers.put("/api/v1/nym-nodes/bonded", BONDED.formatted(KEY, "uatom", KEY, "0.1"));
        assertEquals(NymApiException.Kind.MALFORMED, assertThrows(NymApiException.class, () -> client.bondedNode(9)).kind(),
                "another denom");
        answers.put("/api/v1/nym-nodes/bonded", BONDED.formatted(KEY, "unym", KEY, "1.01"));
        assertEquals(NymApiException.Kind.MALFORMED, assertThrows(NymApiException.class, () -> client.bondedNode(9)).kind(),
                "a profit margin above 100 %");
        answers.put("/api/v1/nym-nodes/bonded", BONDED.formatted("not-a-key", "unym", KEY, "0.1"));
        assertEquals(NymApiException.Kind.MALFORMED, assertThrows(NymApiException.class, () -> client.bondedNode(5)).kind());
        long malformed = client.http().failureCounts().get(NymApiException.Kind.MALFORMED);
        assertTrue(malformed >= lies.size() + 5, "counted: " + malformed);
    }
}
