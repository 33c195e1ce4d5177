package network.mask.node.localnet;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import network.mask.node.keys.Base58;
import network.mask.node.keys.SphinxKey;
import network.mask.node.nymapi.DirectoryNode;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiException;
import network.mask.node.sphinx.SphinxEngines;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;

/**
 * The sender as a Nym client: it reads the topology from nym-api (the stand-in) and builds each
 * packet with the Sphinx keys nym-api serves now and the network's rotation parity in its v8 frame
 * ({@code common/nymsphinx/src/preparer/mod.rs}: {@code SphinxKeyRotation::from(current_key_rotation)}),
 * re-reading the topology as epochs pass. Frames are built up to one epoch less a second ahead of
 * sending: a frame built in rotation R is still accepted during the first epoch of R+1, while nodes keep
 * their previous key (nym-node's overlap), so it never arrives for a purged key.
 */
final class FollowingBuilder implements AutoCloseable {

    private static final long REFRESH_NANOS = 200_000_000L;

    private final PacketFactory.Built built;
    private final Topology topology;
    private final NymApiClient client;
    private final double meanDelayNanos;
    private final long seed;
    private final int threads;
    private final int lead;
    private final int chunk;
    private final ThreadLocal<SphinxPacketBuilder> builders;
    private final ExecutorService pool;
    private volatile IntSupplier position = () -> 0;
    private volatile Exception failure;
    private volatile boolean closed;
    private Thread thread;
    private int next;

    private NetworkKeys keys;
    private long lastRead;
    private int topologyReads;
    private int keyChanges;
    private int rebuilt;

    FollowingBuilder(PacketFactory.Built built, Topology topology, NymApiClient client, double meanDelayNanos, long seed,
                     int threads, SphinxEngines engines, int rate, int leadSeconds) {
        this.built = built;
        this.topology = topology;
        this.client = client;
        this.meanDelayNanos = meanDelayNanos;
        this.seed = seed;
        this.threads = threads;
        this.lead = Math.max(100, rate * Math.max(1, leadSeconds));
        this.chunk = Math.max(50, rate / 10);
        this.builders = ThreadLocal.withInitial(engines::builder);
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Builds the first {@code lead} packets now, then keeps building ahead of {@code sender} on its own thread. */
    void start(IntSupplier sender) throws Exception {
        position = sender;
        buildUpTo(Math.min(built.frames().length, lead));
        thread = Thread.ofPlatform().name("localnet-builder").daemon().start(this::run);
    }

    private void run() {
        try {
            while (!closed && next < built.frames().length) {
                if (next >= position.getAsInt() + lead) {
                    Thread.sleep(5);
                    continue;
                }
                buildUpTo(Math.min(built.frames().length, next + chunk));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    private void buildUpTo(int end) throws Exception {
        if (keys == null || System.nanoTime() - lastRead > REFRESH_NANOS) {
            long before = keys == null ? -1 : keys.rotationId();
            readTopology();
            if (before >= 0 && keys.rotationId() != before) rebuildUnsent();
        }
        PacketFactory.buildRange(built, next, end, topology, keys, meanDelayNanos, FramingVersion.V8, seed, threads,
                builders, pool, null);
        next = end;
    }

    /**
     * The network rotated: frames built but not sent yet are built again with the new keys and parity,
     * as a client builds with its current topology (the sender may have paused, e.g. while the warm-up
     * drained, so they could otherwise outlive the nodes' overlap epoch). A frame is rebuilt with the
     * same route and delays (both drawn from its sequence number), so either version is a valid send.
     */
    private void rebuildUnsent() throws Exception {
        int from = Math.min(next, position.getAsInt() + chunk);   // a margin: never race the sender's next frames
        if (from >= next) return;
        PacketFactory.buildRange(built, from, next, topology, keys, meanDelayNanos, FramingVersion.V8, seed, threads,
                builders, pool, null);
        rebuilt += next - from;
    }

    private void readTopology() throws NymApiException {
        NymApiClient.NodeList list = client.semiSkimmedNodes();
        Map<String, byte[]> byIdentity = new HashMap<>();
        for (DirectoryNode n : list.nodes()) byIdentity.put(n.identityKey(), Base58.decode(n.sphinxKeyBase58()));
        NetworkKeys fresh = new NetworkKeys(byIdentity, list.rotationId(), topology.sink());
        if (keys != null && !keys.sameKeys(fresh)) keyChanges++;
        keys = fresh;
        lastRead = System.nanoTime();
        topologyReads++;
    }

    /** Why building stopped early, if it did. */
    Exception failure() {
        return failure;
    }

    int topologyReads() {
        return topologyReads;
    }

    int keyChanges() {
        return keyChanges;
    }

    /** Frames built again because the network rotated before they were sent. */
    int rebuilt() {
        return rebuilt;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) thread.interrupt();
        pool.shutdownNow();
    }

    /** Keys from one reading of the topology; the sink (the gateway, not in the mix topology) by parity. */
    private record NetworkKeys(Map<String, byte[]> byIdentity, long rotationId, Topology.Member sink)
            implements PacketFactory.Keys {

        @Override
        public byte[] keyOf(Topology.Member m) {
            if (m == sink) {
                KeyRotation want = KeyRotation.ofRotationId(rotationId);
                SphinxKey primary = m.keys().primary();
                SphinxKey other = m.keys().secondary();
                return (primary.rotation() == want || other == null ? primary : other).publicKey();
            }
            byte[] key = byIdentity.get(m.keys().identity().publicKeyBase58());
            if (key == null) throw new IllegalStateException(m.name() + " is not in nym-api's topology (not described?)");
            return key;
        }

        @Override
        public KeyRotation frameRotation(Topology.Member firstHop) {
            return KeyRotation.ofRotationId(rotationId);
        }

        boolean sameKeys(NetworkKeys other) {
            if (!byIdentity.keySet().equals(other.byIdentity.keySet())) return false;
            for (var e : byIdentity.entrySet()) {
                if (!java.util.Arrays.equals(e.getValue(), other.byIdentity.get(e.getKey()))) return false;
            }
            return true;
        }
    }
}
