package network.mask.node.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import network.mask.node.keys.IdentityKey;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.scheduler.DelayScheduler;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.testing.ToyOnion;
import network.mask.node.wire.FrameHeader;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.InboundFrame;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which Sphinx key a packet is tried with, and whose replay filter sees it. */
class KeyRotationTest {

    final SecureRandom random = new SecureRandom();
    final SphinxKey even = SphinxKey.generate(2, random);   // primary
    final SphinxKey odd = SphinxKey.generate(1, random);    // secondary
    final NodeKeys keys = new NodeKeys(IdentityKey.generate(random), even, odd);
    final MixMetrics metrics = new MixMetrics();
    final List<KeyRotation> forwardedWith = new CopyOnWriteArrayList<>();
    final List<Long> guardsAsked = new CopyOnWriteArrayList<>();
    final io.netty.util.concurrent.DefaultEventExecutor loop = new io.netty.util.concurrent.DefaultEventExecutor();
    final DelayScheduler scheduler = new DelayScheduler((hop, size, rotation, packet) -> forwardedWith.add(rotation), loop,
            java.time.Duration.ZERO, 100, metrics);
    final CryptoWorkerPool pool = new CryptoWorkerPool(new IngressQueue(8), ToyOnion::engine, () -> keys,
            rotationId -> tag -> {
                guardsAsked.add(rotationId);
                return true;
            }, scheduler, null, metrics, new WorkerSettings(1, 10_000_000_000L));
    final Random r = new Random(1);

    @AfterEach
    void stop() throws Exception {
        scheduler.stop(System.nanoTime());
        loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    InboundFrame frame(SphinxKey key, FramingVersion version, KeyRotation rotation) {
        byte[] tag = new byte[32];
        r.nextBytes(tag);
        byte[] packet = ToyOnion.build(List.of(new ToyOnion.Hop(key.privateKeyForEngine(), tag,
                new InetSocketAddress("127.0.0.1", 1789), 0, null)), new byte[0]);
        return new InboundFrame(new FrameHeader(version, PacketSize.REGULAR, 0, rotation), packet, System.nanoTime());
    }

    @Test
    void v7TriesThePrimaryThenTheSecondary() throws Exception {
        pool.process(ToyOnion.engine(), frame(even, FramingVersion.V7, KeyRotation.UNKNOWN));
        pool.process(ToyOnion.engine(), frame(odd, FramingVersion.V7, KeyRotation.UNKNOWN));
        assertEquals(List.of(2L, 1L), guardsAsked, "each packet's tag goes to the filter of the key that opened it");
        assertEquals(1, metrics.snapshot().event("secondary_key_used"));
        assertEquals(0, metrics.snapshot().packetsDropped());
        assertTrue(network.mask.node.testing.TestNodes.await(() -> forwardedWith.size() == 2, java.time.Duration.ofSeconds(5)));
        assertEquals(List.of(KeyRotation.UNKNOWN, KeyRotation.UNKNOWN), forwardedWith);
    }

    @Test
    void v8NamesExactlyOneKeyByParity() throws Exception {
        pool.process(ToyOnion.engine(), frame(odd, FramingVersion.V8, KeyRotation.ODD));
        assertEquals(List.of(1L), guardsAsked);
        // Marked as the primary's rotation but made for the secondary: no fallback.
        pool.process(ToyOnion.engine(), frame(odd, FramingVersion.V8, KeyRotation.EVEN));
        assertEquals(1, metrics.snapshot().dropped("bad_mac"));
        assertTrue(network.mask.node.testing.TestNodes.await(() -> forwardedWith.size() == 1, java.time.Duration.ofSeconds(5)));
        assertEquals(List.of(KeyRotation.ODD), forwardedWith, "the rotation byte is copied to the next hop");
    }

    @Test
    void aRotationThisNodeHasNoKeyForIsDropped() {
        NodeKeys onlyEven = new NodeKeys(keys.identity(), even, null);
        CryptoWorkerPool p = new CryptoWorkerPool(new IngressQueue(8), ToyOnion::engine, () -> onlyEven,
                id -> tag -> true, scheduler, null, metrics, new WorkerSettings(1, 1));
        p.process(ToyOnion.engine(), frame(even, FramingVersion.V8, KeyRotation.ODD));
        assertEquals(1, metrics.snapshot().dropped("no_key_for_rotation"));
    }

    @Test
    void anEngineFailureIsCountedNotFatal() {
        CryptoWorkerPool p = new CryptoWorkerPool(new IngressQueue(8), ToyOnion::engine, () -> keys,
                id -> tag -> true, scheduler, null, metrics, new WorkerSettings(1, 1));
        p.process((packet, key, guard) -> { throw new IllegalStateException("boom"); },
                frame(even, FramingVersion.V7, KeyRotation.UNKNOWN));
        assertEquals(1, metrics.snapshot().dropped("engine_error"));
    }

    @Test
    void v8WithoutAMatchingPrimaryTakesTheSecondaryWhateverItsParity() {
        // nym-node (active_keys.rs even/odd): not the primary's parity -> the secondary, even if its parity differs too.
        SphinxKey four = SphinxKey.generate(4, random);
        NodeKeys k = new NodeKeys(keys.identity(), even, four);
        CryptoWorkerPool p = new CryptoWorkerPool(new IngressQueue(8), ToyOnion::engine, () -> k,
                rotationId -> tag -> {
                    guardsAsked.add(rotationId);
                    return true;
                }, scheduler, null, metrics, new WorkerSettings(1, 10_000_000_000L));
        p.process(ToyOnion.engine(), frame(four, FramingVersion.V8, KeyRotation.ODD));
        assertEquals(List.of(4L), guardsAsked);
        assertEquals(0, metrics.snapshot().packetsDropped());
    }

    @Test
    void rotationZeroIsEven() {
        SphinxKey zero = SphinxKey.generate(0, random);
        NodeKeys k = new NodeKeys(keys.identity(), zero, null);
        CryptoWorkerPool p = new CryptoWorkerPool(new IngressQueue(8), ToyOnion::engine, () -> k,
                rotationId -> tag -> {
                    guardsAsked.add(rotationId);
                    return true;
                }, scheduler, null, metrics, new WorkerSettings(1, 10_000_000_000L));
        p.process(ToyOnion.engine(), frame(zero, FramingVersion.V8, KeyRotation.EVEN));
        assertEquals(List.of(0L), guardsAsked, "as nym-node's is_even_rotation: 0 & 1 == 0");
    }

    @Test
    void aKeyWhoseFilterWasPurgedMeanwhileIsDroppedAndCounted() {
        CryptoWorkerPool p = new CryptoWorkerPool(new IngressQueue(8), ToyOnion::engine, () -> keys,
                rotationId -> null, scheduler, null, metrics, new WorkerSettings(1, 10_000_000_000L));
        p.process(ToyOnion.engine(), frame(even, FramingVersion.V7, KeyRotation.UNKNOWN));
        assertEquals(1, metrics.snapshot().dropped("key_purged"));
    }
}
