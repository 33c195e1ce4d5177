package network.mask.node.noiselink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.noise.NoiseFrameHeader;
import network.mask.node.noise.GcmSource;
import network.mask.node.noise.NoiseKeyPair;
import network.mask.node.noise.NoiseProtocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is written between two flushes leaves as few Noise messages as fit (nym-node's framed writer
 * hands its Noise stream everything buffered, so a message may carry several packets), each write
 * completes only when its message is written, nothing leaves before the flush, and the peer reads the
 * same byte stream back. Two handlers talk through Netty's embedded channels.
 */
class NoiseGatheringTest {

    private static final int PACKET = 2413;   // a regular Sphinx packet with its v7 frame header
    private final SecureRandom secure = new SecureRandom();
    private final Random random = new Random(11);
    private EmbeddedChannel initiator;
    private EmbeddedChannel responder;

    @BeforeEach
    void handshake() {
        NoiseKeyPair responderKey = NoiseKeyPair.generate(secure);
        responder = new EmbeddedChannel(new NoiseLinkHandler(false, responderKey, null, secure, Duration.ofSeconds(5), new MixMetrics(),
                GcmSource.PREFERRED));
        initiator = new EmbeddedChannel(new NoiseLinkHandler(true, NoiseKeyPair.generate(secure), responderKey.publicKey(), secure,
                Duration.ofSeconds(5), new MixMetrics(), GcmSource.PREFERRED));
        for (int i = 0; i < 4; i++) {   // three handshake messages, shuttled both ways
            shuttle(initiator, responder);
            shuttle(responder, initiator);
        }
        assertTrue(initiator.pipeline().get(NoiseLinkHandler.class).handshakeFuture().isSuccess());
        assertTrue(responder.pipeline().get(NoiseLinkHandler.class).handshakeFuture().isSuccess());
    }

    @Test
    void packetsWrittenBeforeOneFlushTravelInOneMessage() {
        List<byte[]> packets = packets(5);
        List<ChannelFuture> writes = new ArrayList<>();
        for (byte[] p : packets) writes.add(initiator.write(Unpooled.wrappedBuffer(p)));
        assertNull(initiator.readOutbound(), "nothing leaves before the flush");
        assertFalse(writes.getFirst().isDone());
        initiator.flush();
        List<ByteBuf> frames = drain(initiator);
        assertEquals(1, frames.size(), "five packets, one Noise message");
        assertEquals(NoiseFrameHeader.SIZE + 5 * PACKET + NoiseProtocol.TAG_LENGTH, frames.getFirst().readableBytes());
        for (ChannelFuture w : writes) assertTrue(w.isSuccess(), "each write completes with its message");
        assertArrayEquals(concat(packets), receive(frames));
    }

    @Test
    void moreThanOneMessageHoldsIsSplitBetweenPacketsNeverWithinOne() {
        int perMessage = NoiseProtocol.MAX_PLAINTEXT / PACKET;   // 27
        List<byte[]> packets = packets(perMessage + 3);
        for (byte[] p : packets) initiator.write(Unpooled.wrappedBuffer(p));
        initiator.flush();
        List<ByteBuf> frames = drain(initiator);
        assertEquals(2, frames.size());
        assertEquals(NoiseFrameHeader.SIZE + perMessage * PACKET + NoiseProtocol.TAG_LENGTH, frames.get(0).readableBytes());
        assertEquals(NoiseFrameHeader.SIZE + 3 * PACKET + NoiseProtocol.TAG_LENGTH, frames.get(1).readableBytes());
        assertArrayEquals(concat(packets), receive(frames));
    }

    @Test
    void aBufferLargerThanOneMessageGoesOutInFullMessagesAfterWhatWasGathered() {
        byte[] small = packets(1).getFirst();
        byte[] large = new byte[NoiseProtocol.MAX_PLAINTEXT + 1000];
        random.nextBytes(large);
        initiator.write(Unpooled.wrappedBuffer(small));
        ChannelFuture big = initiator.writeAndFlush(Unpooled.wrappedBuffer(large));
        List<ByteBuf> frames = drain(initiator);
        assertEquals(3, frames.size());
        assertTrue(big.isSuccess());
        assertArrayEquals(concat(List.of(small, large)), receive(frames));
    }

    @Test
    void anEmptyWriteDoesNotOvertakeWhatWasGathered() {
        byte[] p = packets(1).getFirst();
        initiator.write(Unpooled.wrappedBuffer(p));
        initiator.writeAndFlush(Unpooled.EMPTY_BUFFER);
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = initiator.readOutbound()) != null) out.add(o);
        assertEquals(2, out.size());
        assertEquals(NoiseFrameHeader.SIZE + PACKET + NoiseProtocol.TAG_LENGTH, ((ByteBuf) out.get(0)).readableBytes(), "the data first");
        assertEquals(0, ((ByteBuf) out.get(1)).readableBytes(), "then the empty marker");
        ((ByteBuf) out.get(0)).release();
    }

    @Test
    void gatheredWritesFailWhenTheLinkClosesBeforeTheFlush() {
        ChannelFuture w = initiator.write(Unpooled.wrappedBuffer(packets(1).getFirst()));
        initiator.close();
        assertTrue(w.isDone());
        assertFalse(w.isSuccess());
    }

    private List<byte[]> packets(int n) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] p = new byte[PACKET];
            random.nextBytes(p);
            list.add(p);
        }
        return list;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) all.writeBytes(p);
        return all.toByteArray();
    }

    private static List<ByteBuf> drain(EmbeddedChannel ch) {
        List<ByteBuf> frames = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) frames.add(b);
        return frames;
    }

    /** Hands the frames to the responder (as one stream, in direct buffers as the socket gives them) and returns what it decrypts. */
    private byte[] receive(List<ByteBuf> frames) {
        for (ByteBuf f : frames) {
            ByteBuf direct = Unpooled.directBuffer(f.readableBytes()).writeBytes(f);
            f.release();
            responder.writeInbound(direct);
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuf b;
        while ((b = responder.readInbound()) != null) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            got.writeBytes(bytes);
        }
        return got.toByteArray();
    }

    private static void shuttle(EmbeddedChannel from, EmbeddedChannel to) {
        ByteBuf b;
        while ((b = from.readOutbound()) != null) to.writeInbound(b);
    }
}
