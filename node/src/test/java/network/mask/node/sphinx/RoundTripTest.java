package network.mask.node.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Build with random routes, process through every hop, recover the message. */
class RoundTripTest {

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (Named<SphinxCrypto> suite : Backends.suites()) {
            for (PacketSize size : PacketSize.values()) {
                for (int version : new int[] {258, 259}) {
                    out.add(Arguments.of(suite, size, version));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} v{2}")
    @MethodSource("combinations")
    void everyRouteLengthRoundTrips(SphinxCrypto crypto, PacketSize size, int version) {
        Random random = new Random(size.ordinal() * 1000L + version);
        SphinxPacketBuilder builder = new SphinxPacketBuilder(crypto);
        SphinxProcessor processor = new SphinxProcessor(crypto);
        for (int hops = 1; hops <= 5; hops++) {
            TestRoutes route = TestRoutes.random(crypto, random, hops);
            byte[] message = new byte[random.nextInt(size.plaintextLength() + 1)];
            random.nextBytes(message);
            byte[] destination = new byte[32];
            byte[] surbId = new byte[16];
            random.nextBytes(destination);
            random.nextBytes(surbId);
            byte[] packet = builder.build(version, size, route.route(), destination, surbId, message);
            assertEquals(size.packetLength(), packet.length);
            for (int i = 0; i < hops - 1; i++) {
                HopResult result = processor.process(packet, route.privateKeys().get(i), ReplayGuard.NONE);
                HopResult.Forward forward = assertInstanceOf(HopResult.Forward.class, result, "hop " + i + " of " + hops);
                assertEquals(route.route().get(i + 1).address(), forward.nextHop());
                assertEquals(route.route().get(i).delayNanos(), forward.delayNanos());
                assertSame(packet, forward.packet(), "forwarded in place");
            }
            HopResult.Final fin = assertInstanceOf(HopResult.Final.class,
                    processor.process(packet, route.privateKeys().get(hops - 1), ReplayGuard.NONE));
            assertArrayEquals(destination, fin.destination());
            assertArrayEquals(surbId, fin.surbId());
            assertArrayEquals(message, fin.plaintext().orElseThrow());
        }
    }

    @Test
    void packetsBuiltByOneBackendProcessUnderAnother() {
        Random random = new Random(42);
        List<Named<SphinxCrypto>> suites = Backends.suites();
        for (Named<SphinxCrypto> from : suites) {
            for (Named<SphinxCrypto> to : suites) {
                TestRoutes route = TestRoutes.random(from.getPayload(), random, 2);
                byte[] message = {1, 2, 3};
                byte[] packet = new SphinxPacketBuilder(from.getPayload()).build(259, PacketSize.ACK, route.route(),
                        new byte[32], new byte[16], message);
                SphinxProcessor processor = new SphinxProcessor(to.getPayload());
                processor.process(packet, route.privateKeys().get(0), ReplayGuard.NONE);
                HopResult.Final fin = assertInstanceOf(HopResult.Final.class,
                        processor.process(packet, route.privateKeys().get(1), ReplayGuard.NONE), from + " -> " + to);
                assertArrayEquals(message, fin.plaintext().orElseThrow());
            }
        }
    }

    @Test
    void oneEnginesInstanceServesManyThreads() throws Exception {
        SphinxEngines engines = SphinxEngines.of(SphinxCrypto.preferred());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    SphinxProcessor processor = engines.processors().get();
                    SphinxPacketBuilder builder = engines.builder();
                    Random random = new Random(seed);
                    int ok = 0;
                    for (int n = 0; n < 40; n++) {
                        TestRoutes route = TestRoutes.random(engines.crypto(), random, 3);
                        byte[] message = new byte[100];
                        random.nextBytes(message);
                        byte[] packet = builder.build(259, PacketSize.REGULAR, route.route(), new byte[32], new byte[16], message);
                        for (int i = 0; i < 2; i++) {
                            packet = ((HopResult.Forward) processor.process(packet, route.privateKeys().get(i), ReplayGuard.NONE)).packet();
                        }
                        HopResult last = processor.process(packet, route.privateKeys().get(2), ReplayGuard.NONE);
                        if (last instanceof HopResult.Final f && java.util.Arrays.equals(message, f.plaintext().orElse(null))) ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> result : results) assertEquals(40, result.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
