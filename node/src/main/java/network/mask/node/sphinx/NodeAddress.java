package network.mask.node.sphinx;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mix node's socket address as Nym writes it into the 32-byte next-hop field
 * (spec §8): {@code 0x04 || port u16 BE || IPv4 (4) || zero pad}, or
 * {@code 0x06 || port u16 BE || IPv6 (16) || zero pad}.
 */
public record NodeAddress(InetSocketAddress socketAddress) {

    /** Length of the encoded field. */
    public static final int LENGTH = 32;

    private static final int IPV4 = 4;
    private static final int IPV6 = 6;

    public NodeAddress {
        Objects.requireNonNull(socketAddress, "socketAddress");
    }

    /**
     * Writes the 32-byte field at {@code out[offset..offset+32)}.
     *
     * @throws IllegalArgumentException if the address is unresolved (a host name has no encoding)
     */
    public void encodeInto(byte[] out, int offset) {
        InetAddress ip = socketAddress.getAddress();
        if (ip == null) throw new IllegalArgumentException("unresolved address " + socketAddress);
        byte[] raw = ip.getAddress();
        Arrays.fill(out, offset, offset + LENGTH, (byte) 0);
        out[offset] = (byte) (ip instanceof Inet4Address ? IPV4 : IPV6);
        out[offset + 1] = (byte) (socketAddress.getPort() >>> 8);
        out[offset + 2] = (byte) socketAddress.getPort();
        System.arraycopy(raw, 0, out, offset + 3, raw.length);
    }

    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        encodeInto(out, 0);
        return out;
    }

    /**
     * Decodes the field at {@code in[offset..]}, or returns {@code null} for an unknown type byte.
     * Bytes after the address are ignored, as Nym does. An IPv4-mapped IPv6 address stays IPv6,
     * so that it re-encodes to the same bytes.
     */
    public static NodeAddress decode(byte[] in, int offset) {
        if (offset < 0 || in.length - offset < LENGTH) throw new IllegalArgumentException("address field needs 32 bytes");
        int type = in[offset];
        int port = (in[offset + 1] & 0xff) << 8 | in[offset + 2] & 0xff;
        try {
            InetAddress ip = switch (type) {
                case IPV4 -> InetAddress.getByAddress(Arrays.copyOfRange(in, offset + 3, offset + 7));
                case IPV6 -> Inet6Address.getByAddress(null, Arrays.copyOfRange(in, offset + 3, offset + 19), -1);
                default -> null;
            };
            return ip == null ? null : new NodeAddress(new InetSocketAddress(ip, port));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("fixed-length address refused", e); // cannot happen: lengths are 4 and 16
        }
    }

    /** {@code 10.0.0.1:1789} or {@code [2001:db8::3]:1789} (RFC 5952 short form), as the vector files write them. */
    @Override
    public String toString() {
        InetAddress ip = socketAddress.getAddress();
        if (ip instanceof Inet6Address) return "[" + compress(ip.getAddress()) + "]:" + socketAddress.getPort();
        String host = ip == null ? socketAddress.getHostString() : ip.getHostAddress();
        return host + ":" + socketAddress.getPort();
    }

    /** RFC 5952: lowercase hex groups, the longest run of two or more zero groups (first if tied) as "::". */
    private static String compress(byte[] raw) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (raw[2 * i] & 0xff) << 8 | raw[2 * i + 1] & 0xff;
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
