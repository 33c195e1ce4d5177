package network.mask.node.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.RejectReason;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.worker.HopEngine;

/**
 * A stand-in for the Sphinx engine in pipeline tests: a plain-text onion with one 128-byte
 * layer per hop, so tests can route packets through real daemons without the crypto.
 * <pre>
 * [0..32)   first 32 bytes of the private key the hop must hold (else BAD_MAC, packet untouched)
 * [32..64)  replay tag, given to the replay guard
 * [64]      flag: 1 forward, 2 final, other: UNKNOWN_FLAG
 * [65..72)  forward: IPv4 next hop (port u16 BE, 4 address bytes) at [66..72)
 * [72..80)  forward: delay in nanoseconds, u64 BE
 * [80..128) final: destination [80..112) and SURB id [112..128)
 * then the next layer; the packet keeps its length (zero padding at the end)
 * </pre>
 */
public final class ToyOnion {

    public static final int LAYER = 128;
    public static final PacketSize SIZE = PacketSize.REGULAR;

    private ToyOnion() {}

    /** One hop of a toy route. A final hop has {@code next == null}. */
    public record Hop(byte[] privateKey, byte[] replayTag, InetSocketAddress next, long delayNanos, byte[] surbId) {}

    public static HopEngine engine() {
        return ToyOnion::process;
    }

    public static HopResult process(byte[] packet, byte[] key, ReplayGuard guard) {
        if (packet.length < LAYER) return new HopResult.Rejected(RejectReason.WRONG_LENGTH);
        if (!MessageDigest.isEqual(Arrays.copyOf(packet, 32), key)) return new HopResult.Rejected(RejectReason.BAD_MAC);
        if (!guard.markSeen(Arrays.copyOfRange(packet, 32, 64))) return new HopResult.Rejected(RejectReason.REPLAYED);
        ByteBuffer b = ByteBuffer.wrap(packet);
        int flag = packet[64];
        if (flag == 1) {
            int port = b.getShort(66) & 0xFFFF;
            InetAddress ip;
            try {
                ip = InetAddress.getByAddress(Arrays.copyOfRange(packet, 68, 72));
            } catch (UnknownHostException e) {
                return new HopResult.Rejected(RejectReason.MALFORMED);
            }
            long delay = b.getLong(72);
            byte[] next = new byte[packet.length];
            System.arraycopy(packet, LAYER, next, 0, packet.length - LAYER);
            return new HopResult.Forward(new NodeAddress(new InetSocketAddress(ip, port)), delay, next);
        }
        if (flag == 2) {
            return new HopResult.Final(Arrays.copyOfRange(packet, 80, 112), Arrays.copyOfRange(packet, 112, 128),
                    Arrays.copyOfRange(packet, LAYER, packet.length));
        }
        return new HopResult.Rejected(RejectReason.UNKNOWN_FLAG);
    }

    /** Builds a packet of {@link #SIZE} for {@code hops}, with {@code payload} after the last layer. */
    public static byte[] build(List<Hop> hops, byte[] payload) {
        byte[] packet = new byte[SIZE.packetLength()];
        int off = 0;
        for (Hop h : hops) {
            System.arraycopy(h.privateKey(), 0, packet, off, 32);
            System.arraycopy(h.replayTag(), 0, packet, off + 32, 32);
            ByteBuffer b = ByteBuffer.wrap(packet, off, LAYER).slice();
            if (h.next() != null) {
                b.put(64, (byte) 1).put(65, (byte) 4).putShort(66, (short) h.next().getPort())
                        .put(68, h.next().getAddress().getAddress()).putLong(72, h.delayNanos());
            } else {
                b.put(64, (byte) 2);
                if (h.surbId() != null) b.put(112, h.surbId());
            }
            off += LAYER;
        }
        System.arraycopy(payload, 0, packet, off, payload.length);
        return packet;
    }
}
