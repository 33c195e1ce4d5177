package network.mask.node.nymapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import network.mask.node.keys.Base58;
import network.mask.node.keys.IdentityKey;
import network.mask.node.rotation.RotationSchedule;

/**
 * The routes a mixnode asks nym-api, typed. Paths follow
 * {@code common/client-libs/validator-client/src/nym_api/mod.rs} and {@code routes.rs}.
 */
public final class NymApiClient implements AutoCloseable {

    static final String KEY_ROTATION_INFO = "v1/epoch/key-rotation-info";
    static final String SEMI_SKIMMED = "v2/unstable/nym-nodes/semi-skimmed";
    static final String REWARDED_SET = "v1/nym-nodes/rewarded-set";
    static final String BY_ADDRESSES = "v1/unstable/nym-nodes/by-addresses";
    static final String REFRESH_DESCRIBED = "v1/nym-nodes/refresh-described";
    static final String ANNOTATION = "v1/nym-nodes/annotation/";
    static final String REWARD_PARAMS = "v1/epoch/reward_params";
    static final String CURRENT_INTERVAL = "v1/epoch/current";
    static final String BONDED = "v1/nym-nodes/bonded";

    /** Small answers (schedule, rewarded set, lookups); a node-list page may be larger. */
    static final int SMALL_ANSWER = 256 * 1024;
    static final int PAGE_ANSWER = 8 * 1024 * 1024;
    /** More pages than this is not a real network; stop rather than loop on a lying server. */
    static final int MAX_PAGES = 200;

    /** A parsed answer with the JSON it came from (kept for the last-known-good copy). */
    public record Answer<T>(T value, JsonValue json) {}

    /** The whole semi-skimmed list: the nodes, their JSON, and the rotation id of the metadata. */
    public record NodeList(List<DirectoryNode> nodes, JsonArray json, long rotationId, long absoluteEpochId) {}

    private final NymApiHttp http;

    public NymApiClient(NymApiHttp http) {
        this.http = http;
    }

    public NymApiHttp http() {
        return http;
    }

    public Answer<RotationSchedule> keyRotationInfo() throws NymApiException {
        return http.get(KEY_ROTATION_INFO, SMALL_ANSWER, json -> new Answer<>(KeyRotationInfo.parse(json), json));
    }

    public Answer<RewardedSet> rewardedSet() throws NymApiException {
        return http.get(REWARDED_SET, SMALL_ANSWER, json -> new Answer<>(RewardedSet.fromJson(json), json));
    }

    /** Every page of the semi-skimmed list, until {@code pagination.total} nodes were read (as {@code get_all_expanded_nodes}). */
    public NodeList semiSkimmedNodes() throws NymApiException {
        List<DirectoryNode> nodes = new ArrayList<>();
        JsonArrayBuilder raw = Json.createArrayBuilder();
        long rotation = -1;
        long epoch = -1;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject answer = http.get(SEMI_SKIMMED + "?page=" + page, PAGE_ANSWER, json -> Shapes.object(json, "node page"));
            JsonObject metadata = Shapes.object(answer, "metadata");
            JsonObject pageObject = Shapes.object(answer, "nodes");
            JsonObject pagination = Shapes.object(pageObject, "pagination");
            long total = Shapes.integer(pagination.get("total"), "total", 0, 1_000_000);
            JsonArray data = Shapes.array(pageObject, "data");
            if (page == 0) {
                rotation = Shapes.u32(metadata, "rotation_id");
                epoch = Shapes.u32(metadata, "absolute_epoch_id");
            }
            for (JsonValue v : data) {
                nodes.add(DirectoryNode.fromSemiSkimmed(v));
                raw.add(v);
            }
            if (nodes.size() >= total) return new NodeList(List.copyOf(nodes), raw.build(), rotation, epoch);
            if (data.isEmpty()) throw Shapes.malformed("page " + page + " is empty but only " + nodes.size() + " of " + total + " nodes were listed");
        }
        throw Shapes.malformed("more than " + MAX_PAGES + " pages of nodes");
    }

    /**
     * Asks which of these IPs belong to nodes: {@code NodesByAddressesRequestBody} / {@code NodesByAddressesResponse}
     * ({@code nym-api/nym-api-requests/src/nym_nodes.rs}). Answers node id, or empty for "no node".
     */
    public Map<InetAddress, OptionalLong> nodesByAddresses(Collection<InetAddress> addresses) throws NymApiException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (InetAddress a : addresses) list.add(a.getHostAddress());
        String body = Json.createObjectBuilder().add("addresses", list).build().toString();
        return http.post(BY_ADDRESSES, body, SMALL_ANSWER, json -> {
            JsonObject existence = Shapes.object(Shapes.object(json, "by-addresses answer"), "existence");
            Map<InetAddress, OptionalLong> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : existence.entrySet()) {
                InetAddress ip = Shapes.ip(Json.createValue(e.getKey()), "existence key");
                out.put(ip, e.getValue() == JsonValue.NULL ? OptionalLong.empty()
                        : OptionalLong.of(Shapes.integer(e.getValue(), "node id", 0, 0xFFFF_FFFFL)));
            }
            return out;
        });
    }

    /** nym-api's scores for a node, or empty when it has none yet. */
    public Optional<NodeAnnotation> annotation(long nodeId) throws NymApiException {
        return http.get(ANNOTATION + nodeId, SMALL_ANSWER, NodeAnnotation::fromResponse);
    }

    /** The network's reward parameters, or empty while nym-api has none ({@code null}). */
    public Optional<RewardingParams> rewardParams() throws NymApiException {
        return http.get(REWARD_PARAMS, SMALL_ANSWER, RewardingParams::fromJson);
    }

    /** The current rewarding interval, or empty while nym-api has none. */
    public Optional<EpochInterval> currentInterval() throws NymApiException {
        return http.get(CURRENT_INTERVAL, SMALL_ANSWER, EpochInterval::fromJson);
    }

    /**
     * This node's bond and rewarding state, or empty when the contract has no bond with that id.
     * nym-api answers the whole bonded list in one page (its pagination is a TODO), hence the page-sized limit.
     */
    public Optional<NodeBond> bondedNode(long nodeId) throws NymApiException {
        return http.get(BONDED, PAGE_ANSWER, json -> NodeBond.find(json, nodeId));
    }

    /** All three reward inputs at once, or empty when nym-api has not all of them (yet). */
    public Optional<RewardInputs> rewardInputs(long nodeId, Instant now) throws NymApiException {
        Optional<RewardingParams> params = rewardParams();
        Optional<EpochInterval> interval = currentInterval();
        Optional<NodeBond> bond = bondedNode(nodeId);
        if (params.isEmpty() || interval.isEmpty() || bond.isEmpty()) return Optional.empty();
        return Optional.of(new RewardInputs(params.get(), interval.get(), bond.get(), now));
    }

    /**
     * Asks every nym-api to describe this node again now ({@code NodeRefreshBody},
     * {@code nym-api/nym-api-requests/src/models/node_status.rs}). Returns how many accepted.
     */
    public int refreshDescribed(IdentityKey identity, Instant now) {
        return http.broadcast(REFRESH_DESCRIBED, refreshBody(identity, now.getEpochSecond()), SMALL_ANSWER);
    }

    /**
     * The signed body: ed25519 over {@code identity (32 bytes) || timestamp (i64 big-endian) ||
     * "describe-cache-refresh-request"}; the signature is serialised as serde serialises bytes in JSON,
     * an array of 64 numbers ({@code common/crypto/src/asymmetric/ed25519/mod.rs}).
     */
    static String refreshBody(IdentityKey identity, long timestamp) {
        byte[] signature = identity.sign(refreshPlaintext(identity.publicKey(), timestamp));
        JsonArrayBuilder sig = Json.createArrayBuilder();
        for (byte b : signature) sig.add(b & 0xFF);
        return Json.createObjectBuilder()
                .add("node_identity", Base58.encode(identity.publicKey()))
                .add("request_timestamp", timestamp)
                .add("signature", sig)
                .build().toString();
    }

    /** {@code NodeRefreshBody::plaintext}. */
    public static byte[] refreshPlaintext(byte[] identity, long timestamp) {
        byte[] tag = "describe-cache-refresh-request".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.nio.ByteBuffer.allocate(32 + 8 + tag.length).put(identity).putLong(timestamp).put(tag).array();
    }

    @Override
    public void close() {
        http.close();
    }
}
