package network.mask.node.localnet;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxEngines;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;

/**
 * Builds the sender's packets ahead of time, on every core, so that the run measures the mixes
 * and not the sender. Each packet takes a random node per layer, then the sink, with an
 * exponentially distributed delay per mix hop (as Nym clients draw them).
 */
final class PacketFactory {

    static final byte[] MAGIC = {'M', 'A', 'S', 'K', 'L', 'N', 'E', 'T'};
    static final int MESSAGE_LENGTH = 32;

    /**
     * The frames to send, which first-layer node each goes to, and the delays each asks for.
     * {@code ready} counts the frames built so far, in order (all of them when built ahead; with the
     * nym-api stand-in they are built while sending, see {@link FollowingBuilder}).
     */
    record Built(byte[][] frames, int[] firstHop, long[] totalDelayNanos, java.util.concurrent.atomic.AtomicInteger ready) {
        Built(int count) {
            this(new byte[count][], new int[count], new long[count], new AtomicInteger());
        }
    }

    /**
     * The Sphinx key a hop is built for, and the rotation written into the frame: the nodes' own
     * primaries without a nym-api, the keys and rotation learned from it with one.
     */
    interface Keys {
        byte[] keyOf(Topology.Member member);

        KeyRotation frameRotation(Topology.Member firstHop);
    }

    /** The nodes' primary keys, as the plan made them; the frame carries the first hop's key rotation (v8). */
    static Keys primaries(FramingVersion framing) {
        return new Keys() {
            public byte[] keyOf(Topology.Member m) {
                return m.keys().primary().publicKey();
            }

            public KeyRotation frameRotation(Topology.Member first) {
                return framing == FramingVersion.V8 ? first.keys().primary().rotation() : KeyRotation.UNKNOWN;
            }
        };
    }

    private PacketFactory() {}

    static Built build(int count, Topology topology, double meanDelayNanos, FramingVersion framing, long seed,
                       int threads, SphinxEngines engines, PrintStream progress) throws Exception {
        Built built = new Built(count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            buildRange(built, 0, count, topology, primaries(framing), meanDelayNanos, framing, seed, threads,
                    ThreadLocal.withInitial(engines::builder), pool, progress);
        } finally {
            pool.shutdownNow();
        }
        return built;
    }

    /** Builds frames {@code [from, to)} into {@code built} on {@code pool}, then marks them ready. */
    static void buildRange(Built built, int from, int to, Topology topology, Keys keys, double meanDelayNanos,
                           FramingVersion framing, long seed, int threads, ThreadLocal<SphinxPacketBuilder> builders,
                           ExecutorService pool, PrintStream progress) throws Exception {
        byte[][] frames = built.frames();
        int[] firstHop = built.firstHop();
        long[] delays = built.totalDelayNanos();
        int count = to - from;
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> parts = new ArrayList<>();
        int chunk = Math.max(1, count / (threads * 8));
        for (int part = from; part < to; part += chunk) {
            int start = part;
            int end = Math.min(to, part + chunk);
            parts.add(pool.submit(() -> {
                SphinxPacketBuilder builder = builders.get();
                for (int seq = start; seq < end; seq++) {
                    buildOne(seq, builder, topology, keys, meanDelayNanos, framing, seed, frames, firstHop, delays);
                    int n = done.incrementAndGet();
                    if (progress != null && n % Math.max(1, count / 10) == 0) progress.printf("  built %d/%d%n", n, count);
                }
                return null;
            }));
        }
        for (Future<?> f : parts) f.get();
        built.ready().set(to);   // publishes the frames to the sending thread
    }

    private static void buildOne(int seq, SphinxPacketBuilder builder, Topology topology, Keys keys, double meanDelayNanos,
                                 FramingVersion framing, long seed, byte[][] frames, int[] firstHop, long[] delays) {
        SplittableRandom random = new SplittableRandom(seed ^ (seq * 0x9E3779B97F4A7C15L));
        List<RouteHop> route = new ArrayList<>();
        long total = 0;
        Topology.Member first = null;
        for (int layer = 0; layer < topology.layers().size(); layer++) {
            List<Topology.Member> nodes = topology.layers().get(layer);
            int pick = random.nextInt(nodes.size());
            if (layer == 0) {
                firstHop[seq] = pick;
                first = nodes.get(pick);
            }
            Topology.Member m = nodes.get(pick);
            // Exponential delay: -mean * ln(U), U in (0, 1].
            long delay = (long) (-meanDelayNanos * Math.log(1.0 - random.nextDouble()));
            total += delay;
            route.add(new RouteHop(keys.keyOf(m), new NodeAddress(m.address()), delay));
        }
        Topology.Member sink = topology.sink();
        route.add(new RouteHop(keys.keyOf(sink), new NodeAddress(sink.address()), 0));
        byte[] packet = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR, route,
                new byte[SphinxConstants.DESTINATION_LENGTH], surbId(seq), message(seq));
        KeyRotation rotation = keys.frameRotation(first);
        frames[seq] = FrameCodec.frame(framing, PacketSize.REGULAR, rotation, packet);
        delays[seq] = total;
    }

    /** 16 bytes: the sequence number, then the magic. */
    static byte[] surbId(long seq) {
        return ByteBuffer.allocate(SphinxConstants.SURB_ID_LENGTH).putLong(seq).put(MAGIC).array();
    }

    /** The payload the sink must recover exactly. */
    static byte[] message(long seq) {
        return ByteBuffer.allocate(MESSAGE_LENGTH).put(MAGIC).putLong(seq).putLong(~seq).array();
    }
}
