package network.mask.node.incoming;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.wire.ReceivedFrame;
import network.mask.node.worker.IngressQueue;

/**
 * Hands decoded frames to the workers. When their queue is full the connection stops reading
 * (TCP backpressure reaches the sender) and the few frames already decoded wait here until
 * the queue has room: nothing is dropped for being busy.
 */
final class IngressHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(IngressHandler.class.getName());

    private final IngressQueue queue;
    private final MixMetrics metrics;
    private final ArrayDeque<ReceivedFrame> waiting = new ArrayDeque<>();
    private boolean paused;

    IngressHandler(IngressQueue queue, MixMetrics metrics) {
        this.queue = queue;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReceivedFrame frame = (ReceivedFrame) msg;
        if (waiting.isEmpty() && queue.offer(frame)) return;
        waiting.addLast(frame);
        if (!paused) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
            metrics.event(Event.INGRESS_PAUSED);
            awaitSpace(ctx);
        }
    }

    private void awaitSpace(ChannelHandlerContext ctx) {
        queue.whenSpace(() -> ctx.executor().execute(() -> resume(ctx)));
    }

    private void resume(ChannelHandlerContext ctx) {
        while (!waiting.isEmpty()) {
            if (!queue.offer(waiting.peekFirst())) {
                awaitSpace(ctx);
                return;
            }
            waiting.pollFirst();
        }
        paused = false;
        if (ctx.channel().isActive()) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (!paused) {   // a paused connection is quiet because of us
                metrics.event(Event.INBOUND_CLOSED_IDLE);
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        metrics.event(Event.INBOUND_CLOSED_ERROR);
        if (!(cause instanceof IOException)) {
            LOG.log(System.Logger.Level.WARNING, "closing inbound connection " + ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
