package network.mask.node.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.outgoing.Backoff;
import network.mask.node.outgoing.EgressBudget;
import network.mask.node.outgoing.EgressRouter;
import network.mask.node.outgoing.EgressSettings;
import network.mask.node.outgoing.NextHopPolicy;
import network.mask.node.scheduler.DelayScheduler;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.testing.TestNodes;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.KeyRotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redteam D2 over real TCP on loopback: extended32 packets (33 kB) held for next hops that refuse
 * connections, or for their delay, stay within the byte budgets; the excess is shed and counted,
 * and regular packets to a live next hop keep flowing, none lost.
 */
class HeldPacketBoundsTest {

    static final long EGRESS_TOTAL = 2L << 20;
    static final long EGRESS_PER_PEER = 256 * 1024;
    static final long HELD = 2L << 20;
    static final int EXTENDED = PacketSize.EXTENDED32.packetLength();

    final NettyTransport transport = NettyTransport.create(1, "test-io", true);
    final MixMetrics metrics = new MixMetrics();
    final EgressBudget budget = new EgressBudget(EGRESS_TOTAL, EGRESS_PER_PEER, Duration.ofSeconds(2));
    final EgressRouter router = new EgressRouter(transport, new EgressSettings(FramingVersion.V7, 100_000, 1024,
            Duration.ofMillis(500), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), Duration.ofMinutes(1),
            new NextHopPolicy(true)), budget, metrics);
    final DelayScheduler scheduler = new DelayScheduler(router, transport.group().next(), Duration.ofMillis(1), 1_000_000,
            HELD, metrics);

    @AfterEach
    void close() throws Exception {
        scheduler.stop(System.nanoTime());
        router.shutdown(System.nanoTime());
        transport.close();
    }

    @Test
    void extendedPacketsToUnreachableHopsAreShedWhileALiveHopGetsEverything() throws Exception {
        NodeAddress[] closed = new NodeAddress[20];
        for (int i = 0; i < closed.length; i++) closed[i] = new NodeAddress(TestNodes.loopback(TestNodes.freePortBelowEphemeralRange()));
        int valid = 2020;
        AtomicInteger received = new AtomicInteger();
        AtomicLong peakEgress = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> readerFailed = new java.util.concurrent.atomic.AtomicReference<>();
        try (ServerSocket sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            NodeAddress live = new NodeAddress(TestNodes.loopback(sink.getLocalPort()));
            Thread reader = Thread.ofVirtual().start(() -> {
                try (Socket s = sink.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] frame = new byte[3 + PacketSize.REGULAR.packetLength()];
                    for (int i = 0; i < valid; i++) {
                        in.readFully(frame);
                        assertEquals(i, ByteBuffer.wrap(frame, 3, 4).getInt());   // in order, none missing
                        received.incrementAndGet();
                    }
                } catch (Throwable e) {
                    readerFailed.set(e);
                }
            });
            // Warm up (a fresh JVM loads and compiles Netty's paths first), then flood: 1,000 extended
            // packets (33 MB, 16 times the egress budget) to 20 closed ports, two valid regular packets
            // to the live hop after each, at about 15 MB/s (a fast home uplink).
            int v = 0;
            for (; v < 20; v++) scheduler.schedule(System.nanoTime(), live, PacketSize.REGULAR, KeyRotation.UNKNOWN, numbered(v));
            assertTrue(TestNodes.await(() -> received.get() == 20, Duration.ofSeconds(10)), "warm-up packets arrived");
            for (int i = 0; i < 1000; i++) {
                scheduler.schedule(System.nanoTime(), closed[i % closed.length], PacketSize.EXTENDED32, KeyRotation.UNKNOWN,
                        new byte[EXTENDED]);
                for (int k = 0; k < 2 && v < valid; k++, v++) {
                    scheduler.schedule(System.nanoTime(), live, PacketSize.REGULAR, KeyRotation.UNKNOWN, numbered(v));
                }
                peakEgress.accumulateAndGet(budget.used(), Math::max);
                Thread.sleep(1);
            }
            reader.join(Duration.ofSeconds(30));
            if (readerFailed.get() != null) {
                throw new AssertionError("sink after " + received.get() + "; drops " + metrics.snapshot().droppedByReason(), readerFailed.get());
            }
            assertEquals(valid, received.get(), "valid packets to the live hop");
        }
        assertTrue(peakEgress.get() <= EGRESS_TOTAL, "egress held " + peakEgress.get() + " bytes");
        long shed = metrics.snapshot().dropped("egress_queue_full") + metrics.snapshot().dropped("egress_bytes_full");
        assertTrue(shed > 800, "extended packets shed and counted: " + metrics.snapshot().droppedByReason());
        assertEquals(0, metrics.snapshot().dropped("scheduler_bytes_full"), "nothing held for a delay here");
        // Whatever is still queued for the dead hops expires within the age limit.
        assertTrue(TestNodes.await(() -> budget.used() == 0, Duration.ofSeconds(10)), "left " + budget.used());
        assertTrue(metrics.snapshot().dropped("egress_expired") > 0);
    }

    static byte[] numbered(int n) {
        byte[] p = new byte[PacketSize.REGULAR.packetLength()];
        ByteBuffer.wrap(p).putInt(n);
        return p;
    }

    @Test
    void extendedPacketsHeldForTheirDelayStopAtTheByteBudget() throws Exception {
        NodeAddress nowhere = new NodeAddress(TestNodes.loopback(TestNodes.freePortBelowEphemeralRange()));
        long due = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {   // 33 MB asked for, the budget is 2 MiB
            if (scheduler.schedule(due, nowhere, PacketSize.EXTENDED32, KeyRotation.UNKNOWN, new byte[EXTENDED])) accepted++;
            assertTrue(scheduler.pendingBytes() <= HELD);
        }
        assertEquals(HELD / DelayScheduler.heldBytes(new byte[EXTENDED]), accepted);
        assertEquals(1000 - accepted, metrics.snapshot().dropped("scheduler_bytes_full"));
        // Once they leave, there is room again.
        assertTrue(TestNodes.await(() -> scheduler.pendingBytes() == 0, Duration.ofSeconds(10)));
        assertTrue(scheduler.schedule(System.nanoTime(), nowhere, PacketSize.REGULAR, KeyRotation.UNKNOWN,
                new byte[PacketSize.REGULAR.packetLength()]));
        assertFalse(scheduler.pendingBytes() > HELD);
    }
}
