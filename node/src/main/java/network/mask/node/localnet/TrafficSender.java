package network.mask.node.localnet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.security.SecureRandom;
import java.util.concurrent.locks.LockSupport;
import network.mask.node.noise.BlockingNoiseLink;
import network.mask.node.noise.NoiseException;
import network.mask.node.noise.NoiseKeyPair;

/**
 * Sends pre-built frames to the first layer at a steady rate over one TCP connection per
 * first-layer node, and re-sends some packets a little later as deliberate replays.
 */
final class TrafficSender implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    private static final long BATCH_NANOS = 1_000_000;

    private final List<SocketChannel> channels = new ArrayList<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    /** One Noise link per first-layer node with --noise, else empty (plain TCP). */
    private final List<BlockingNoiseLink> noise = new ArrayList<>();

    TrafficSender(List<InetSocketAddress> firstLayer) throws IOException {
        this(firstLayer, List.of());
    }

    /**
     * @param noiseKeys the first-layer nodes' Noise keys, in order, to speak Noise to them as a nym node
     *                  would (they see this sender's 127.0.0.1 as a Noise node's IP); empty = plain TCP
     */
    TrafficSender(List<InetSocketAddress> firstLayer, List<byte[]> noiseKeys) throws IOException {
        NoiseKeyPair own = noiseKeys.isEmpty() ? null : NoiseKeyPair.generate(new SecureRandom());
        for (int i = 0; i < firstLayer.size(); i++) {
            SocketChannel ch = SocketChannel.open(firstLayer.get(i));
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channels.add(ch);
            buffers.add(ByteBuffer.allocateDirect(BUFFER));
            if (own == null) continue;
            try {
                noise.add(BlockingNoiseLink.initiate(ch, own, noiseKeys.get(i), LocalnetCommand.LOCAL_HANDSHAKE_TIMEOUT,
                        new SecureRandom()));
            } catch (NoiseException e) {
                throw new IOException("Noise handshake with " + firstLayer.get(i) + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** What was sent: per-packet send times (0 = not sent), replays sent, and the sending span. */
    record Sent(long[] sendNanos, int replays, long firstNanos, long lastNanos) {}

    /**
     * Sends {@code built.frames()[from..to)} at {@code rate} per second. Every {@code replayEvery}-th
     * packet ({@code 0} = none) is sent again {@code replayLag} packets later.
     */
    Sent send(PacketFactory.Built built, int from, int to, int rate, int replayEvery, int replayLag) throws IOException {
        long[] sendNanos = new long[built.frames().length];
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 1_000_000;
        int replays = 0;
        long first = 0;
        long last = 0;
        for (int i = from; i < to + replayLag; i++) {
            long due = start + (long) ((i - from) * interval);
            if (System.nanoTime() - due < 0) {
                flushAll();
                // Sleep at least a millisecond: what fell due meanwhile goes out in one write.
                long wakeAt = Math.max(due, System.nanoTime() + BATCH_NANOS);
                long wait;
                while ((wait = wakeAt - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            }
            if (i < to) {
                awaitBuilt(built, i);
                append(built.firstHop()[i], built.frames()[i]);
                long now = System.nanoTime();
                sendNanos[i] = now;
                if (first == 0) first = now;
                last = now;
            }
            int replayOf = i - replayLag;
            if (replayEvery > 0 && replayOf >= from && replayOf < to && (replayOf - from) % replayEvery == replayEvery / 2) {
                append(built.firstHop()[replayOf], built.frames()[replayOf]);
                replays++;
            }
        }
        flushAll();
        return new Sent(sendNanos, replays, first, last);
    }

    /** Frames built while sending (the nym-api stand-in's runs): waits, rarely, for one not built yet. */
    private void awaitBuilt(PacketFactory.Built built, int i) throws IOException {
        position = i;
        if (built.ready().get() > i) return;
        flushAll();
        while (built.ready().get() <= i) LockSupport.parkNanos(100_000);
        waitedForBuilder++;
    }

    /** How far the sender got, for a builder that keeps a little ahead of it. */
    volatile int position;
    /** How often the sender had to wait for the builder (0 = the builder kept ahead). */
    int waitedForBuilder;

    private void append(int node, byte[] frame) throws IOException {
        ByteBuffer b = buffers.get(node);
        if (b.remaining() < frame.length) flush(node);
        b.put(frame);
    }

    private void flushAll() throws IOException {
        for (int i = 0; i < channels.size(); i++) flush(i);
    }

    private void flush(int node) throws IOException {
        ByteBuffer b = buffers.get(node);
        if (b.position() == 0) return;
        b.flip();
        if (!noise.isEmpty()) {
            try {
                noise.get(node).write(b);
            } catch (NoiseException e) {
                throw new IOException("Noise encryption failed: " + e.getMessage(), e);
            }
        } else {
            SocketChannel ch = channels.get(node);
            while (b.hasRemaining()) ch.write(b);
        }
        b.clear();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel ch : channels) ch.close();
    }
}
