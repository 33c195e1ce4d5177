package network.mask.node.incoming;

import static network.mask.node.config.ConfigSchema.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.testing.TestNodes;
import network.mask.node.testing.ToyOnion;
import network.mask.node.wire.OutfoxSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound links kept as nym-node keeps them, over real TCP on loopback: a link that has carried a
 * valid frame is never closed for being quiet, and broken Outfox frames (size tags 6 and 7) are read
 * whole, refused by the Outfox engine and counted without closing the link.
 */
class LinkKeepingTest {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    @TempDir Path dir;
    NodeDaemon mix;
    NodeDaemon sink;
    final AtomicInteger delivered = new AtomicInteger();
    final Random random = new Random(7);

    @BeforeEach
    void start() throws Exception {
        sink = NodeDaemon.builder(TestNodes.config(dir.resolve("sink"))).hopEngines(ToyOnion::engine)
                .finalHopHandler((f, frame) -> delivered.incrementAndGet()).build();
        sink.start();
        mix = NodeDaemon.builder(TestNodes.config(dir.resolve("mix")).with(LIMIT_IDLE_TIMEOUT, IDLE_TIMEOUT))
                .hopEngines(ToyOnion::engine).build();
        mix.start();
    }

    @AfterEach
    void stop() {
        mix.stop(Duration.ofMillis(100));
        sink.stop(Duration.ofMillis(100));
    }

    byte[] validFrame() {
        byte[] t1 = new byte[32];
        byte[] t2 = new byte[32];
        random.nextBytes(t1);
        random.nextBytes(t2);
        return TestNodes.frame(ToyOnion.build(List.of(
                new ToyOnion.Hop(mix.keys().primary().privateKeyForEngine(), t1, sink.mixAddress(), 0, null),
                new ToyOnion.Hop(sink.keys().primary().privateKeyForEngine(), t2, null, 0, new byte[16])), new byte[0]));
    }

    Socket peer() throws Exception {
        Socket s = new Socket(mix.mixAddress().getAddress(), mix.mixAddress().getPort());
        s.setSoTimeout(5000);
        return s;
    }

    @Test
    void aLinkThatCarriedAValidFrameStaysOpenLongAfterTheIdleTimeout() throws Exception {
        try (Socket s = peer()) {
            s.getOutputStream().write(validFrame());
            s.getOutputStream().flush();
            assertTrue(TestNodes.await(() -> delivered.get() == 1, Duration.ofSeconds(5)));
            // Three idle timeouts of silence: nym-node keeps the link, so must we.
            assertFalse(BadInputTest.closedByServer(s, IDLE_TIMEOUT.multipliedBy(3)), "an established link was closed for idling");
            s.getOutputStream().write(validFrame());
            s.getOutputStream().flush();
            assertTrue(TestNodes.await(() -> delivered.get() == 2, Duration.ofSeconds(5)), "the kept link still carries packets");
        }
        assertEquals(0, mix.metrics().snapshot().event("inbound_closed_idle"));
    }

    @Test
    void aLinkThatNeverCompletedAFrameStillTimesOut() throws Exception {
        try (Socket s = peer()) {
            assertTrue(BadInputTest.closedByServer(s, Duration.ofSeconds(5)));
        }
        assertEquals(1, mix.metrics().snapshot().event("inbound_closed_idle"));
    }

    @Test
    void brokenOutfoxFramesAreReadWholeRefusedAndCountedAndTheLinkLives() throws Exception {
        byte[][] outfox = {
                outfoxFrame(new byte[] {7, 6, 2}, OutfoxSize.REGULAR),      // v7, outfox_regular, Outfox type
                outfoxFrame(new byte[] {7, 7, 2}, OutfoxSize.ACK),          // v7, outfox_ack
                outfoxFrame(new byte[] {8, 6, 2, 0}, OutfoxSize.REGULAR),   // v8, rotation unknown
                outfoxFrame(new byte[] {8, 7, 0, 1}, OutfoxSize.ACK)};      // v8, Mix type with an Outfox size
        try (Socket s = peer()) {
            OutputStream out = s.getOutputStream();
            for (byte[] f : outfox) {
                // Split in two writes: the decoder must wait for the whole frame, not misread its tail.
                out.write(f, 0, 100);
                out.flush();
                out.write(f, 100, f.length - 100);
            }
            out.write(validFrame());
            out.flush();
            assertTrue(TestNodes.await(() -> delivered.get() == 1, Duration.ofSeconds(5)),
                    "the Sphinx frame after the Outfox frames was read in step");
            assertFalse(BadInputTest.closedByServer(s, Duration.ofMillis(300)), "an Outfox frame closed the link");
        }
        // Three Outfox packets whose parameters name another length; a Mix-type packet cannot have an Outfox size.
        assertTrue(TestNodes.await(() -> mix.metrics().snapshot().dropped("outfox_malformed") == 3, Duration.ofSeconds(5)));
        assertEquals(1, mix.metrics().snapshot().dropped("wrong_length"));
        assertEquals(0, mix.metrics().snapshot().dropped("malformed_frame"));
    }

    private byte[] outfoxFrame(byte[] header, OutfoxSize size) {
        byte[] f = new byte[header.length + size.packetLength()];
        System.arraycopy(header, 0, f, 0, header.length);
        for (int i = header.length; i < f.length; i++) f[i] = (byte) 0x5A;   // would read as a bogus header if misaligned
        return f;
    }
}
