package network.mask.node.noiselink;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.PromiseCombiner;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.noise.GcmSource;
import network.mask.node.noise.NoiseException;
import network.mask.node.noise.NoiseFrameHeader;
import network.mask.node.noise.NoiseHandshake;
import network.mask.node.noise.NoiseKeyPair;
import network.mask.node.noise.NoiseProtocol;
import network.mask.node.noise.NoiseTransport;

/**
 * One Noise link in a Netty pipeline, between the socket and the Sphinx framing: runs the XKpsk3
 * handshake within its deadline, then decrypts each incoming data frame into a plaintext buffer for the
 * frame decoder, and gathers what is written between two flushes into as few data frames as fit (nym's
 * layout, at most 65519 plaintext bytes a frame; {@code common/nymnoise/src/stream/mod.rs}). A nym-node
 * does the same: its framed writer hands the Noise stream everything buffered, so one Noise message may
 * carry several packets, and a reader may not assume one packet per message.
 * <p>Why gather, and why scratch arrays: the JDK's AES-GCM is about two and a half times faster on heap
 * arrays than on direct buffers (2.4 KB: 1.0 us against 2.7 us on the build machine), and one message
 * per flush pays the cipher's per-message set-up once for up to 27 packets. The arrays are per thread
 * and what leaves the handler is a pooled buffer, so the hot path allocates nothing the collector must
 * clear (Netty's heap buffers of this size fell back to fresh arrays, which doubled the collections of a
 * localnet node). The cost is a memory copy into and out of the arrays, far cheaper than the cipher work
 * it saves. Any violation closes this link only, counted; nothing is resynchronised.
 */
public final class NoiseLinkHandler extends ChannelDuplexHandler {

    private static final System.Logger LOG = System.getLogger(NoiseLinkHandler.class.getName());
    private static final byte[] EMPTY = new byte[0];
    private static final long SLOW_HANDSHAKE_MILLIS = 250;
    /**
     * The cipher works on heap arrays, one set per event-loop thread (not per link: a node may hold a
     * thousand inbound links): a received message and its plaintext, a gathered plaintext and its
     * message. Each is filled and emptied within one call, before anything is handed on, so links on one
     * thread never see each other's bytes. Distinct arrays for input and output also keep the JDK's
     * AES-GCM off its overlap path, which copies.
     */
    private static final FastThreadLocal<Scratch> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return new Scratch();
        }
    };

    private static final class Scratch {
        final byte[] readSealed = new byte[NoiseProtocol.MAX_MESSAGE];
        final byte[] readPlain = new byte[NoiseProtocol.MAX_MESSAGE];
        final byte[] writePlain = new byte[NoiseProtocol.MAX_PLAINTEXT];
        final byte[] writeSealed = new byte[NoiseProtocol.MAX_MESSAGE];
    }

    private final boolean initiator;
    private final NoiseKeyPair localKey;
    private final byte[] responderKey;
    private final SecureRandom random;
    private final long timeoutNanos;
    private final MixMetrics metrics;
    private final GcmSource gcm;
    private final byte[] header = new byte[NoiseFrameHeader.SIZE];
    /** Buffers written since the last flush (retained, unread), sealed together at the flush. */
    private final List<ByteBuf> gathered = new ArrayList<>();
    private int gatheredBytes;
    private final List<ChannelPromise> gatheredPromises = new ArrayList<>();
    private NoiseHandshake handshake;
    private NoiseTransport transport;
    private ByteBuf cumulation;
    private ScheduledFuture<?> deadline;
    private ChannelPromise done;
    private boolean started;
    private long startedNanos;
    private boolean failed;

    NoiseLinkHandler(boolean initiator, NoiseKeyPair localKey, byte[] responderKey, SecureRandom random,
                     Duration timeout, MixMetrics metrics, GcmSource gcm) {
        this.gcm = gcm;
        this.initiator = initiator;
        this.localKey = localKey;
        this.responderKey = responderKey;
        this.random = random;
        this.timeoutNanos = timeout.toNanos();
        this.metrics = metrics;
    }

    /** Succeeds when the handshake is finished; fails (and the link is closed) when it cannot be. */
    public Future<Void> handshakeFuture() {
        return done;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        done = ctx.newPromise();
        if (ctx.channel().isActive()) begin(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        begin(ctx);
        ctx.fireChannelActive();
    }

    private void begin(ChannelHandlerContext ctx) {
        if (started) return;
        started = true;
        startedNanos = System.nanoTime();
        deadline = ctx.executor().schedule(() -> {
            if (transport == null && !failed) {
                fail(ctx, new NoiseException(NoiseException.Kind.TIMEOUT, "the Noise handshake took longer than "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        if (!initiator) return;
        try {
            handshake = NoiseHandshake.initiator(localKey, responderKey, random, gcm);
            sendHandshake(ctx);
        } catch (NoiseException e) {
            fail(ctx, e);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (failed) {
            in.release();
            return;
        }
        cumulation = cumulation == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), cumulation, in);
        try {
            readFrames(ctx);
        } catch (NoiseException e) {
            fail(ctx, e);
        } finally {
            if (cumulation != null) {
                if (!cumulation.isReadable()) {
                    cumulation.release();
                    cumulation = null;
                } else {
                    cumulation.discardSomeReadBytes();
                }
            }
        }
    }

    private void readFrames(ChannelHandlerContext ctx) throws NoiseException {
        while (!failed && cumulation != null && cumulation.readableBytes() >= NoiseFrameHeader.SIZE) {
            int at = cumulation.readerIndex();
            cumulation.getBytes(at, header);
            NoiseFrameHeader h = NoiseFrameHeader.decode(header, 0);   // caps checked before the body is waited for
            if (cumulation.readableBytes() < NoiseFrameHeader.SIZE + h.length()) return;
            if (transport == null) {
                handshakeFrame(ctx, h, at + NoiseFrameHeader.SIZE);
            } else {
                dataFrame(ctx, h, at + NoiseFrameHeader.SIZE);
            }
        }
    }

    private void handshakeFrame(ChannelHandlerContext ctx, NoiseFrameHeader h, int body) throws NoiseException {
        if (!h.isHandshake()) {
            throw new NoiseException(NoiseException.Kind.UNEXPECTED_FRAME, "a data frame before the Noise handshake finished");
        }
        if (handshake == null) {
            // Responder, first frame: its pattern must be ours, its version picks the PSK (common/nymnoise/src/stream/mod.rs).
            if (h.pattern() != NoiseFrameHeader.PATTERN_XKPSK3) {
                throw new NoiseException(NoiseException.Kind.UNEXPECTED_FRAME, "Noise pattern " + h.pattern() + " instead of XKpsk3");
            }
            handshake = NoiseHandshake.responder(localKey, h.version(), random, gcm);
        } else if (!h.isV1XKpsk3()) {
            throw new NoiseException(NoiseException.Kind.UNEXPECTED_FRAME, "a handshake frame with another version or pattern");
        }
        if (handshake.isMyTurn()) throw new NoiseException(NoiseException.Kind.UNEXPECTED_FRAME, "a handshake frame out of turn");
        byte[] message = new byte[h.length()];
        cumulation.getBytes(body, message);
        cumulation.skipBytes(NoiseFrameHeader.SIZE + h.length());
        handshake.readMessage(message);
        if (handshake.isMyTurn()) sendHandshake(ctx);   // the initiator's message 3 finishes it there
        else if (handshake.isFinished()) finish(ctx);
    }

    private void sendHandshake(ChannelHandlerContext ctx) throws NoiseException {
        byte[] message = handshake.writeMessage(EMPTY);
        ByteBuf out = ctx.alloc().buffer(NoiseFrameHeader.SIZE + message.length);
        NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_HANDSHAKE, message.length, header, 0);
        out.writeBytes(header).writeBytes(message);
        ctx.writeAndFlush(out);
        if (handshake.isFinished()) finish(ctx);
    }

    private void finish(ChannelHandlerContext ctx) {
        if (transport != null) return;
        transport = handshake.split();
        handshake = null;
        if (deadline != null) deadline.cancel(false);
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        // Packets for a new link wait while it connects; a slow handshake is worth a line in the owner's log.
        LOG.log(millis >= SLOW_HANDSHAKE_MILLIS ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
                () -> "Noise link " + ctx.channel().remoteAddress() + " (" + (initiator ? "initiator" : "responder")
                        + ") up " + millis + " ms after it opened");
        metrics.event(initiator ? Event.NOISE_HANDSHAKES_OUTBOUND : Event.NOISE_HANDSHAKES_INBOUND);
        done.trySuccess();
    }

    private void dataFrame(ChannelHandlerContext ctx, NoiseFrameHeader h, int body) throws NoiseException {
        if (h.isHandshake() || !h.isV1XKpsk3()) {
            throw new NoiseException(NoiseException.Kind.UNEXPECTED_FRAME, "a frame that is not a V1 XKpsk3 data frame after the handshake");
        }
        Scratch scratch = SCRATCH.get();
        cumulation.getBytes(body, scratch.readSealed, 0, h.length());
        int n = transport.decrypt(scratch.readSealed, 0, h.length(), scratch.readPlain, 0);
        cumulation.skipBytes(NoiseFrameHeader.SIZE + h.length());
        if (n == 0) return;
        // A pooled buffer for the frame decoder, which may keep it while a packet is incomplete.
        ctx.fireChannelRead(ctx.alloc().buffer(n).writeBytes(scratch.readPlain, 0, n));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf plain) || !plain.isReadable()) {
            // An empty buffer (a flush marker, or the last write before a close) stays empty, as nym's reader
            // needs no empty frames; what was gathered goes first so that nothing overtakes it.
            sealGathered(ctx);
            ctx.write(msg, promise);
            return;
        }
        if (transport == null || failed) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalStateException("the Noise handshake has not finished; nothing may be sent yet"));
            return;
        }
        if (plain.readableBytes() > NoiseProtocol.MAX_PLAINTEXT) {
            writeLarge(ctx, plain, promise);
            return;
        }
        if (gatheredBytes + plain.readableBytes() > NoiseProtocol.MAX_PLAINTEXT) sealGathered(ctx);   // never split a packet
        gathered.add(plain);
        gatheredBytes += plain.readableBytes();
        gatheredPromises.add(promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        sealGathered(ctx);
        ctx.flush();
    }

    /** Seals what was gathered into one data frame and writes it; each gathered write completes with it. */
    private void sealGathered(ChannelHandlerContext ctx) {
        if (gathered.isEmpty()) return;
        ChannelPromise[] waiting = gatheredPromises.toArray(new ChannelPromise[0]);
        gatheredPromises.clear();
        byte[] plain = SCRATCH.get().writePlain;
        int n = 0;
        for (ByteBuf b : gathered) {
            int length = b.readableBytes();
            b.getBytes(b.readerIndex(), plain, n, length);
            n += length;
            b.release();
        }
        gathered.clear();
        gatheredBytes = 0;
        ByteBuf frame;
        try {
            frame = seal(ctx, plain, n);
        } catch (NoiseException e) {
            for (ChannelPromise p : waiting) p.tryFailure(e);
            fail(ctx, e);
            return;
        }
        ctx.write(frame).addListener(f -> {
            for (ChannelPromise p : waiting) {
                if (f.isSuccess()) p.trySuccess();
                else p.tryFailure(f.cause());
            }
        });
    }

    /** A buffer larger than one message (never a packet; kept for completeness): gathered first, then in 65519-byte frames. */
    private void writeLarge(ChannelHandlerContext ctx, ByteBuf plain, ChannelPromise promise) {
        sealGathered(ctx);
        PromiseCombiner combiner = new PromiseCombiner(ctx.executor());
        byte[] chunk = SCRATCH.get().writePlain;
        try {
            while (plain.isReadable()) {
                int n = Math.min(NoiseProtocol.MAX_PLAINTEXT, plain.readableBytes());
                plain.readBytes(chunk, 0, n);
                combiner.add(ctx.write(seal(ctx, chunk, n)));
            }
            combiner.finish(promise);
        } catch (NoiseException e) {
            promise.tryFailure(e);
            fail(ctx, e);
        } finally {
            plain.release();
        }
    }

    /** One data frame holding {@code plain[0, length)}, in a pooled buffer for the socket. */
    private ByteBuf seal(ChannelHandlerContext ctx, byte[] plain, int length) throws NoiseException {
        byte[] sealed = SCRATCH.get().writeSealed;
        int n = transport.encrypt(plain, 0, length, sealed, 0);
        NoiseFrameHeader.encode(NoiseFrameHeader.TYPE_DATA, n, header, 0);
        return ctx.alloc().ioBuffer(NoiseFrameHeader.SIZE + n).writeBytes(header).writeBytes(sealed, 0, n);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (transport == null && !failed && started) {
            failed = true;
            metrics.event(Event.NOISE_HANDSHAKE_FAILED);
            done.tryFailure(new NoiseException(NoiseException.Kind.HANDSHAKE_FAILED, "the peer closed the link during the Noise handshake"));
        }
        cleanUp();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cleanUp();
    }

    private void cleanUp() {
        if (deadline != null) deadline.cancel(false);
        if (!gatheredPromises.isEmpty()) {
            IllegalStateException closed = new IllegalStateException("the Noise link closed before these bytes were sent");
            for (ChannelPromise p : gatheredPromises) p.tryFailure(closed);
            gatheredPromises.clear();
        }
        for (ByteBuf b : gathered) b.release();
        gathered.clear();
        gatheredBytes = 0;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    private void fail(ChannelHandlerContext ctx, NoiseException e) {
        if (failed) return;
        failed = true;
        boolean inHandshake = transport == null;
        metrics.event(!inHandshake ? Event.NOISE_LINK_CLOSED_BAD_FRAME
                : e.kind() == NoiseException.Kind.TIMEOUT ? Event.NOISE_HANDSHAKE_TIMEOUT : Event.NOISE_HANDSHAKE_FAILED);
        // Our own outbound links are few and back off after a failure: worth a line. Inbound failures are
        // the peer's doing (and could be many): counted, and logged only at debug level.
        System.Logger.Level level = initiator ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
        LOG.log(level, () -> "closing Noise link " + ctx.channel().remoteAddress() + " (" + (initiator ? "initiator" : "responder")
                + ", " + (System.nanoTime() - startedNanos) / 1_000_000 + " ms after it opened): " + e.kind() + ": " + e.getMessage());
        if (done != null) done.tryFailure(e);
        if (cumulation != null) {
            cumulation.skipBytes(cumulation.readableBytes());
        }
        ctx.close();
    }
}
