package network.mask.node.localnet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import network.mask.node.sphinx.HopResult;
import network.mask.node.wire.InboundFrame;
import network.mask.node.worker.FinalHopHandler;

/**
 * The sink's final-hop handler: checks that each packet's payload is exactly what the sender
 * put in, and records when it arrived (the moment its frame was read at the sink).
 */
final class SinkRecorder implements FinalHopHandler {

    private final AtomicLongArray arrivals;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger corrupt = new AtomicInteger();

    SinkRecorder(int packets) {
        this.arrivals = new AtomicLongArray(packets);
    }

    @Override
    public void accept(HopResult.Final packet, InboundFrame frame) {
        ByteBuffer id = ByteBuffer.wrap(packet.surbId());
        long seq = id.getLong();
        byte[] magic = new byte[PacketFactory.MAGIC.length];
        id.get(magic);
        Optional<byte[]> plaintext = packet.plaintext();
        if (!Arrays.equals(magic, PacketFactory.MAGIC) || seq < 0 || seq >= arrivals.length() || plaintext.isEmpty()
                || !Arrays.equals(plaintext.get(), PacketFactory.message(seq))) {
            corrupt.incrementAndGet();
            return;
        }
        if (arrivals.compareAndSet((int) seq, 0, frame.receivedNanos())) delivered.incrementAndGet();
        else duplicates.incrementAndGet();
    }

    long arrival(int seq) { return arrivals.get(seq); }
    int delivered() { return delivered.get(); }
    int duplicates() { return duplicates.get(); }
    int corrupt() { return corrupt.get(); }
}
