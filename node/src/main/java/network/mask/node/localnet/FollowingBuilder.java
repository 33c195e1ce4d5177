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
 * re-reading the topology as epochs pass. Frames are built about one second ahead of sending, well
 * within the epoch of overlap in which a node still holds its previous key.
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

    FollowingBuilder(PacketFactory.Built built, Topology topology, NymApiClient client, double meanDelayNanos, long seed,
                     int threads, SphinxEngines engines, int rate) {
        this.built = built;
        this.topology = topology;
        this.client = client;
        this.meanDelayNanos = meanDelayNanos;
        this.seed = seed;
        this.threads = threads;
        this.lead = Math.max(100, rate);   // one second of packets
        this.chunk = Math.max(50, rate / 10);
        this.builders = ThreadLocal.withInitial(engines::builder);
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Builds the first second of packets now, then keeps building ahead of {@code sender} on its own thread. */
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
        if (keys == null || System.nanoTime() - lastRead > REFRESH_NANOS) readTopology();
        PacketFactory.buildRange(built, next, end, topology, keys, meanDelayNanos, FramingVersion.V8, seed, threads,
                builders, pool, null);
        next = end;
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
