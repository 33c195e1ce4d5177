package network.mask.node.sphinx;

import java.net.InetSocketAddress;

/**
 * A mix node's socket address as Nym writes it into the 32-byte next-hop field
 * (spec §8): {@code 0x04 || port u16 BE || IPv4 (4) || zero pad}, or
 * {@code 0x06 || port u16 BE || IPv6 (16) || zero pad}.
 */
public record NodeAddress(InetSocketAddress socketAddress) {

    /** Length of the encoded field. */
    public static final int LENGTH = 32;

    /** Writes the 32-byte field at {@code out[offset..offset+32)}. */
    public void encodeInto(byte[] out, int offset) {
        throw new UnsupportedOperationException("TODO(sphinx)");
    }

    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        encodeInto(out, 0);
        return out;
    }

    /** Decodes the field at {@code in[offset..]}, or returns {@code null} for an unknown type byte. */
    public static NodeAddress decode(byte[] in, int offset) {
        throw new UnsupportedOperationException("TODO(sphinx)");
    }
}
