package network.mask.node.incoming;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
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
import network.mask.node.wire.KeyRotation;
import network.mask.node.wire.OutfoxFrame;

/**
 * Cuts the byte stream into Nym frames. A bad header ends the connection (the stream cannot be
 * resynchronised); a frame left unfinished longer than the frame timeout ends it too, so a peer
 * trickling bytes cannot hold buffers and connection slots forever. Frames of packet type 2 go to
 * the workers as {@link OutfoxFrame}s; a Mix-type frame with an Outfox size tag (no Sphinx packet
 * has that length) is consumed whole and counted as {@code wrong_length}, never a reason to close.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final MixMetrics metrics;
    private final int maxFrameBytes;
    private final long frameTimeoutNanos;
    private final byte[] header = new byte[FrameCodec.MAX_HEADER_LENGTH];
    private long partialSinceNanos;
    private boolean checkPending;
    private boolean failed;
    private boolean established;
    private final FirstFrameWitness witness;

    FrameDecoder(MixMetrics metrics, int maxFrameBytes, long frameTimeoutNanos) {
        this(metrics, maxFrameBytes, frameTimeoutNanos, FirstFrameWitness.NONE);
    }

    FrameDecoder(MixMetrics metrics, int maxFrameBytes, long frameTimeoutNanos, FirstFrameWitness witness) {
        this.witness = witness;
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
            int outfox = FrameCodec.outfoxFrameLength(header, 0);
            if (outfox > 0) {
                // An Outfox size (tag 6 or 7): common/nymsphinx/params/src/packet_sizes.rs.
                if (in.readableBytes() < outfox) {
                    partial(ctx);
                    return;
                }
                in.skipBytes(version.headerLength());
                byte[] packet = new byte[outfox - version.headerLength()];
                in.readBytes(packet);
                completed(ctx);
                metrics.received();
                countVersion(version);
                if ((header[2] & 0xFF) != FrameHeader.PACKET_TYPE_OUTFOX) {
                    metrics.drop(Drop.WRONG_LENGTH);
                    return;
                }
                out.add(new OutfoxFrame(header[1] & 0xFF, rotation(version), packet, System.nanoTime()));
                return;
            }
            FrameHeader h = FrameCodec.decode(header, 0, maxFrameBytes);
            if (in.readableBytes() < h.frameLength()) {
                partial(ctx);
                return;
            }
            in.skipBytes(version.headerLength());
            byte[] packet = new byte[h.size().packetLength()];
            in.readBytes(packet);
            completed(ctx);
            metrics.received();
            countVersion(version);
            if (!h.isSphinx()) {
                // Outfox under a Sphinx size tag: nym parses by packet type (framing/src/codec.rs);
                // the Outfox engine checks the length against the packet's own parameters.
                out.add(new OutfoxFrame(h.size().tag(), h.rotation(), packet, System.nanoTime()));
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

    private void countVersion(FramingVersion version) {
        metrics.event(version == FramingVersion.V8 ? Event.FRAMING_V8_RECEIVED : Event.FRAMING_V7_RECEIVED);
    }

    /** The header's rotation byte (already checked by {@link FrameCodec#outfoxFrameLength}). */
    private KeyRotation rotation(FramingVersion version) {
        return version == FramingVersion.V8 ? KeyRotation.ofWire(header[3] & 0xFF) : KeyRotation.UNKNOWN;
    }

    /**
     * A whole frame arrived. The first one makes the link established: from then on it is never
     * closed for being idle, as nym-node never closes an idle inbound link (only a link that never
     * delivered a frame times out, so unused sockets cannot pile up).
     */
    private void completed(ChannelHandlerContext ctx) {
        partialSinceNanos = 0;
        if (established) return;
        established = true;
        ChannelHandler idle = ctx.pipeline().get(MixListener.IDLE_HANDLER);
        if (idle != null) ctx.pipeline().remove(idle);
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress peer && peer.getAddress() != null) {
            try {
                witness.firstFrameFrom(peer.getAddress());
            } catch (RuntimeException e) {
                // evidence is a nicety; the link must not suffer for it
            }
        }
    }

    private void partial(ChannelHandlerContext ctx) {
        if (partialSinceNanos != 0) return;
        partialSinceNanos = System.nanoTime();
        // At most one timer per connection: frames split across reads are routine, and a timer
        // per split would pile up thousands in the event loop's timer queue.
        if (!checkPending) scheduleCheck(ctx, frameTimeoutNanos);
    }

    private void scheduleCheck(ChannelHandlerContext ctx, long afterNanos) {
        checkPending = true;
        ctx.executor().schedule(() -> checkPartial(ctx), afterNanos, TimeUnit.NANOSECONDS);
    }

    private void checkPartial(ChannelHandlerContext ctx) {
        checkPending = false;
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
