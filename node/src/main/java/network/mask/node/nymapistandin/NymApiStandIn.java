package network.mask.node.nymapistandin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import network.mask.node.keys.Base58;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.rotation.RotationSchedule;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A nym-api on 127.0.0.1 for tests and {@code masknode localnet}. Serves, under {@code /api/} as
 * mainnet's nym-api does, the routes a nym-node and a Nym client read
 * ({@code common/client-libs/validator-client/src/nym_api/mod.rs}):
 * {@code GET v1/epoch/key-rotation-info}, {@code GET v2/unstable/nym-nodes/semi-skimmed},
 * {@code GET v1/nym-nodes/rewarded-set}, {@code POST v1/unstable/nym-nodes/by-addresses},
 * {@code POST v1/nym-nodes/refresh-described} (checked as {@code nym-api/src/nym_nodes/handlers/v1.rs}
 * checks it), {@code GET v1/nym-nodes/annotation/{id}}, and for reward estimates
 * {@code GET v1/epoch/reward_params}, {@code GET v1/epoch/current} and {@code GET v1/nym-nodes/bonded}
 * ({@link StandInRewards}). Nodes are described through a
 * {@link NodeDescriber} when registered, at every epoch start (nym-api re-reads nodes before each
 * rotation, {@code nym-api/src/key_rotation/mod.rs}) and on a valid refresh request.
 * Uses the JDK's small HTTP server: a handful of requests per epoch needs nothing heavier.
 */
public final class NymApiStandIn implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NymApiStandIn.class.getName());
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** nym-api answers at most one refresh per node per minute. */
    static final Duration REFRESH_LIMIT = Duration.ofSeconds(60);
    /** nym-api's default page size is larger; a smaller one here makes clients page for real. */
    private final int perPage;

    /** One registered node: the id the "contract" gave it, its API, its layer, and the last description. */
    private static final class Entry {
        final long nodeId;
        final URI apiBase;
        volatile NodeRole role;
        volatile DescribedNode described;
        volatile Instant lastForcedRefresh = Instant.EPOCH;

        Entry(long nodeId, URI apiBase, NodeRole role) {
            this.nodeId = nodeId;
            this.apiBase = apiBase;
            this.role = role;
        }
    }

    private final EpochClock clock;
    private final NodeDescriber describer;
    private final List<Entry> nodes = new CopyOnWriteArrayList<>();
    private final StandInRewards rewards = new StandInRewards();
    private final AtomicLong nextNodeId = new AtomicLong(1);
    private final AtomicLong describeFailures = new AtomicLong();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService epochTimer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("nym-api-stand-in").daemon().factory());
    private final HttpServer server;

    public NymApiStandIn(EpochClock clock, NodeDescriber describer, int perPage) throws IOException {
        this(clock, describer, perPage, 0);
    }

    /** @param port the loopback port to serve on; 0 picks a free one */
    public NymApiStandIn(EpochClock clock, NodeDescriber describer, int perPage, int port) throws IOException {
        this.clock = clock;
        this.describer = describer;
        this.perPage = perPage;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(handlers);
        server.createContext("/api/", this::handle);
    }

    /**
     * Starts serving and re-describing at every epoch start, and a quarter epoch before each
     * rotation, as nym-api's key-rotation controller does so that pre-announced keys are served
     * from the first moment of their rotation.
     */
    public NymApiStandIn start() {
        server.start();
        scheduleNextEpoch();
        scheduleNextPreRotationRefresh();
        return this;
    }

    /** The base URL to configure as a nym-api URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    public EpochClock clock() {
        return clock;
    }

    /**
     * Registers a node in the "contract" with the next node id and a role in the rewarded set, and
     * describes it at once. Returns its node id; a node that cannot be described yet is listed once it can.
     */
    public long register(URI apiBase, NodeRole role) {
        Entry e = new Entry(nextNodeId.getAndIncrement(), apiBase, role);
        nodes.add(e);
        describe(e);
        return e.nodeId;
    }

    /**
     * Gives a registered node another role from the next read of the rewarded set on, as nym-api's
     * epoch operations assign the set at an epoch's start ({@code nym-api/src/epoch_operations/rewarded_set_assignment.rs}).
     */
    public void assignRole(long nodeId, NodeRole role) {
        for (Entry e : nodes) {
            if (e.nodeId == nodeId) {
                e.role = role;
                return;
            }
        }
        throw new IllegalArgumentException("no node " + nodeId + " is registered");
    }

    /** Describes every registered node again now. */
    public void describeAll() {
        List<Thread> threads = new ArrayList<>();
        for (Entry e : nodes) threads.add(Thread.ofVirtual().start(() -> describe(e)));
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Nodes currently described (listed in the semi-skimmed list). */
    public int describedCount() {
        return (int) nodes.stream().filter(e -> e.described != null).count();
    }

    public long describeFailures() {
        return describeFailures.get();
    }

    private void describe(Entry e) {
        try {
            e.described = describer.describe(e.apiBase);
        } catch (NodeDescriber.DescribeException | RuntimeException ex) {
            describeFailures.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "stand-in: could not describe " + e.apiBase + ": " + ex.getMessage());
        }
    }

    private void scheduleNextPreRotationRefresh() {
        Duration until = clock.untilPreRotationRefresh();
        // Past this rotation's moment: aim at the next rotation's (one rotation later).
        long delay = until.isZero()
                ? clock.untilNextEpoch().plus(clock.epochDuration().multipliedBy(clock.validityEpochs()))
                        .minus(clock.epochDuration().dividedBy(4)).toMillis()
                : until.toMillis();
        try {
            epochTimer.schedule(() -> {
                describeAll();
                scheduleNextPreRotationRefresh();
            }, Math.max(1, delay + 20), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopped
        }
    }

    private void scheduleNextEpoch() {
        long delay = Math.max(1, clock.untilNextEpoch().toMillis() + 20);
        try {
            epochTimer.schedule(() -> {
                describeAll();
                scheduleNextEpoch();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopped
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath().substring("/api/".length());
            String method = x.getRequestMethod();
            switch (method + " " + (path.startsWith("v1/nym-nodes/annotation/") ? "v1/nym-nodes/annotation/" : path)) {
                case "GET v1/epoch/key-rotation-info" -> send(x, 200, StandInJson.keyRotationInfo(clock.schedule()));
                case "GET v2/unstable/nym-nodes/semi-skimmed" -> send(x, 200, semiSkimmed(x.getRequestURI().getQuery()));
                case "GET v1/nym-nodes/rewarded-set" -> send(x, 200, StandInJson.rewardedSet(clock.currentEpoch(), roles()));
                case "POST v1/unstable/nym-nodes/by-addresses" -> byAddresses(x);
                case "POST v1/nym-nodes/refresh-described" -> refreshDescribed(x);
                case "GET v1/nym-nodes/annotation/" -> annotation(x, path.substring("v1/nym-nodes/annotation/".length()));
                case "GET v1/epoch/reward_params" -> send(x, 200, rewards.rewardParamsJson());
                case "GET v1/epoch/current" -> send(x, 200, StandInRewards.intervalJson(clock));
                case "GET v1/nym-nodes/bonded" -> send(x, 200, bonded());
                default -> error(x, 404, "no route " + method + " /api/" + path);
            }
        } catch (RuntimeException e) {
            error(x, 500, String.valueOf(e));
        }
    }

    /**
     * Every registered node with a bond; the identity is known once the node was described (the
     * contract holds it from bonding, the stand-in learns it from the node's own API).
     */
    private JsonObject bonded() {
        jakarta.json.JsonArrayBuilder data = Json.createArrayBuilder();
        int total = 0;
        for (Entry e : nodes) {
            DescribedNode d = e.described;
            if (d == null) continue;
            data.add(rewards.bondedNodeJson(e.nodeId, d.identityKey(), e.apiBase.getHost()));
            total++;
        }
        return StandInRewards.bondedPage(data, total);
    }

    /** The stand-in's reward parameters and bonds, to change in tests. */
    public StandInRewards rewards() {
        return rewards;
    }

    private Map<Long, NodeRole> roles() {
        Map<Long, NodeRole> roles = new LinkedHashMap<>();
        for (Entry e : nodes) if (e.described != null) roles.put(e.nodeId, e.role);
        return roles;
    }

    private JsonObject semiSkimmed(String query) {
        int page = 0;
        if (query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith("page=")) page = Integer.parseInt(kv.substring(5));
            }
        }
        RotationSchedule s = clock.schedule();
        List<JsonObject> all = new ArrayList<>();
        for (Entry e : nodes) {
            DescribedNode d = e.described;
            if (d != null) all.add(StandInJson.semiSkimmedNode(e.nodeId, d, e.role, s.currentRotationId()));
        }
        return StandInJson.nodesPage(all, page, perPage, s.currentAbsoluteEpochId(), s.currentRotationId(), Instant.now());
    }

    /** {@code NodesByAddressesRequestBody} -> {@code NodesByAddressesResponse} ({@code nym-api/nym-api-requests/src/nym_nodes.rs}). */
    private void byAddresses(HttpExchange x) throws IOException {
        JsonObject body = readJson(x);
        if (body == null || !(body.get("addresses") instanceof JsonArray list)) {
            error(x, 422, "expected {\"addresses\":[...]}");
            return;
        }
        JsonObjectBuilder existence = Json.createObjectBuilder();
        for (JsonValue v : list) {
            if (!(v instanceof JsonString s)) {
                error(x, 422, "addresses must be strings");
                return;
            }
            InetAddress ip;
            try {
                ip = InetAddress.ofLiteral(s.getString());
            } catch (IllegalArgumentException e) {
                error(x, 422, "not an IP address: " + s.getString());
                return;
            }
            Long id = null;
            for (Entry e : nodes) {
                DescribedNode d = e.described;
                if (d != null && d.ipAddresses().stream().anyMatch(a -> InetAddress.ofLiteral(a).equals(ip))) id = e.nodeId;
            }
            if (id == null) existence.addNull(ip.getHostAddress());
            else existence.add(ip.getHostAddress(), id);
        }
        send(x, 200, Json.createObjectBuilder().add("existence", existence).build());
    }

    /** {@code NodeRefreshBody}, checked as nym-api's handler does: known node, signature, not stale, once a minute. */
    private void refreshDescribed(HttpExchange x) throws IOException {
        JsonObject body = readJson(x);
        if (body == null || !(body.get("node_identity") instanceof JsonString identity)
                || !(body.get("request_timestamp") instanceof JsonNumber ts) || !(body.get("signature") instanceof JsonArray sig)
                || sig.size() != 64) {
            error(x, 422, "expected NodeRefreshBody {node_identity, request_timestamp, signature}");
            return;
        }
        Entry entry = null;
        for (Entry e : nodes) {
            DescribedNode d = e.described;
            if (d != null && d.identityKey().equals(identity.getString())) entry = e;
        }
        if (entry == null) {
            error(x, 404, "node with identity " + identity.getString() + " does not seem to exist");
            return;
        }
        byte[] key = Base58.decode(identity.getString());
        byte[] signature = new byte[64];
        for (int i = 0; i < 64; i++) signature[i] = (byte) sig.getInt(i);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(key, 0));
        byte[] plaintext = NymApiClient.refreshPlaintext(key, ts.longValue());
        verifier.update(plaintext, 0, plaintext.length);
        if (!verifier.verifySignature(signature)) {
            error(x, 401, "invalid request signature");
            return;
        }
        long now = clock.clock().instant().getEpochSecond();
        if (ts.longValue() > now || ts.longValue() + 30 < now) {
            error(x, 400, "the request is stale");
            return;
        }
        Instant at = clock.clock().instant();
        if (Duration.between(entry.lastForcedRefresh, at).compareTo(REFRESH_LIMIT) < 0) {
            error(x, 429, "already refreshed node in the last minute");
            return;
        }
        entry.lastForcedRefresh = at;
        describe(entry);
        send(x, 200, JsonValue.NULL);
    }

    private void annotation(HttpExchange x, String id) throws IOException {
        long nodeId;
        try {
            nodeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            error(x, 400, "not a node id: " + id);
            return;
        }
        for (Entry e : nodes) {
            DescribedNode d = e.described;
            if (e.nodeId == nodeId && d != null) {
                send(x, 200, StandInJson.annotation(nodeId, d, e.role));
                return;
            }
        }
        send(x, 200, Json.createObjectBuilder().add("node_id", nodeId).addNull("annotation").build());
    }

    private static JsonObject readJson(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) return null;
            try (JsonReader r = Json.createReader(new ByteArrayInputStream(bytes))) {
                return r.readValue() instanceof JsonObject o ? o : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static void error(HttpExchange x, int status, String message) throws IOException {
        // nym-api's AxumErrorResponse body: {"message": "..."}
        send(x, status, Json.createObjectBuilder().add("message", message).build());
    }

    private static void send(HttpExchange x, int status, JsonValue body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        epochTimer.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }
}
