package network.mask.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.sphinx.SphinxProcessor;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Sphinx hop (version 259, 3-hop packet processed at its first hop) and packet creation
 * (4 hops), per backend mix and packet size. The packet is restored before every hop because
 * processing rewrites it in place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class HopBenchmark {

    @Param({"SELECTED", "NATIVE", "PURE_JAVA", "ALL_BC"})
    public Suite suite;

    @Param({"REGULAR"})
    public PacketSize size;

    private SphinxProcessor processor;
    private SphinxPacketBuilder builder;
    private byte[] template;
    private byte[] work;
    private byte[] firstHopKey;
    private List<RouteHop> route;
    private final byte[] destination = new byte[32];
    private final byte[] surbId = new byte[16];
    private byte[] message;

    @Setup
    public void setUp() throws Exception {
        SphinxCrypto crypto = suite.crypto();
        processor = new SphinxProcessor(crypto);
        builder = new SphinxPacketBuilder(crypto);
        SplittableRandom random = new SplittableRandom(2413);
        X25519 x25519 = crypto.newBlinding();
        RouteHop[] hops = new RouteHop[4];
        byte[][] keys = new byte[4][32];
        for (int i = 0; i < hops.length; i++) {
            random.nextBytes(keys[i]);
            hops[i] = new RouteHop(x25519.publicKey(keys[i]), new NodeAddress(new java.net.InetSocketAddress(
                    java.net.InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) (i + 1)}), 1789)), 50_000_000L);
        }
        route = List.of(hops);
        firstHopKey = keys[0];
        message = new byte[size.plaintextLength()];
        random.nextBytes(message);
        template = builder.build(259, size, route.subList(0, 3), destination, surbId, message);
        work = template.clone();
        if (!(processor.process(work, firstHopKey, ReplayGuard.NONE) instanceof HopResult.Forward)) {
            throw new IllegalStateException("benchmark packet does not forward");
        }
    }

    @Benchmark
    public HopResult hop() {
        System.arraycopy(template, 0, work, 0, template.length);
        return processor.process(work, firstHopKey, ReplayGuard.NONE);
    }

    @Benchmark
    public byte[] create4Hops() {
        return builder.build(259, size, route, destination, surbId, message);
    }
}
