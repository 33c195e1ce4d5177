package network.mask.node.incoming;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.FrameError;
import network.mask.node.wire.FrameHeader;
import network.mask.node.wire.FramingException;
import network.mask.node.wire.FramingVersion;
import network.mask.node.wire.InboundFrame;

/**
 * Cuts the byte stream into Nym frames. A bad header ends the connection (the stream cannot be
 * resynchronised); a frame left unfinished longer than the frame timeout ends it too, so a peer
 * trickling bytes cannot hold buffers and connection slots forever.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final MixMetrics metrics;
    private final int maxFrameBytes;
    private final long frameTimeoutNanos;
    private final byte[] header = new byte[FrameCodec.MAX_HEADER_LENGTH];
    private long partialSinceNanos;
    private boolean failed;

    FrameDecoder(MixMetrics metrics, int maxFrameBytes, long frameTimeoutNanos) {
        this.metrics = metrics;
        this.maxFrameBytes = maxFrameBytes;
        this.frameTimeoutNanos = frameTimeoutNanos;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!in.isReadable()) {
            partialSinceNanos = 0;
            return;
        }
        try {
            FramingVersion version = FrameCodec.version(in.getUnsignedByte(in.readerIndex()));
            if (in.readableBytes() < version.headerLength()) {
                partial(ctx);
                return;
            }
            in.getBytes(in.readerIndex(), header, 0, version.headerLength());
            FrameHeader h = FrameCodec.decode(header, 0, maxFrameBytes);
            if (in.readableBytes() < h.frameLength()) {
                partial(ctx);
                return;
            }
            in.skipBytes(version.headerLength());
            byte[] packet = new byte[h.size().packetLength()];
            in.readBytes(packet);
            partialSinceNanos = 0;
            metrics.received();
            metrics.event(version == FramingVersion.V8 ? Event.FRAMING_V8_RECEIVED : Event.FRAMING_V7_RECEIVED);
            if (!h.isSphinx()) {
                metrics.drop(Drop.OUTFOX_UNSUPPORTED);
                return;
            }
            out.add(new InboundFrame(h, packet, System.nanoTime()));
        } catch (FramingException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            metrics.drop(e.error() == FrameError.FRAME_TOO_LARGE ? Drop.FRAME_TOO_LARGE : Drop.MALFORMED_FRAME);
            metrics.event(Event.INBOUND_CLOSED_BAD_FRAME);
            ctx.close();
        }
    }

    private void partial(ChannelHandlerContext ctx) {
        if (partialSinceNanos != 0) return;
        partialSinceNanos = System.nanoTime();
        scheduleCheck(ctx, frameTimeoutNanos);
    }

    private void scheduleCheck(ChannelHandlerContext ctx, long afterNanos) {
        ctx.executor().schedule(() -> checkPartial(ctx), afterNanos, TimeUnit.NANOSECONDS);
    }

    private void checkPartial(ChannelHandlerContext ctx) {
        if (partialSinceNanos == 0 || !ctx.channel().isActive()) return;
        long now = System.nanoTime();
        if (!ctx.channel().config().isAutoRead()) {
            // We stopped reading (backpressure): the peer is not the one being slow.
            partialSinceNanos = now;
            scheduleCheck(ctx, frameTimeoutNanos);
            return;
        }
        long waited = now - partialSinceNanos;
        if (waited < frameTimeoutNanos) {
            scheduleCheck(ctx, frameTimeoutNanos - waited);
            return;
        }
        failed = true;
        metrics.drop(Drop.TRUNCATED_FRAME);
        metrics.event(Event.INBOUND_CLOSED_FRAME_TIMEOUT);
        ctx.close();
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (in.isReadable() && !failed) {
            metrics.drop(Drop.TRUNCATED_FRAME);   // the peer closed in the middle of a frame
            in.skipBytes(in.readableBytes());
        }
    }
}
