package network.mask.node.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The network a peer's address belongs to, for per-source limits: one household or one server
 * usually owns a whole IPv6 /64 (and often an IPv4 /24 at a hosting provider), so limits per
 * single address let one owner take every slot (redteam D7: 120 addresses of one /64 held all
 * 1,024 mix connections). IPv4-mapped IPv6 counts as the IPv4 address it is.
 *
 * @param ipv4Prefix bits that name an IPv4 source network (24 by default)
 * @param ipv6Prefix bits that name an IPv6 source network (64 by default)
 */
public record SourceNetwork(int ipv4Prefix, int ipv6Prefix) {

    /** IPv4 /24 and IPv6 /64, the config's defaults ({@code limits.source_prefix_ipv4}, {@code _ipv6}). */
    public static final SourceNetwork DEFAULT = new SourceNetwork(24, 64);

    public SourceNetwork {
        if (ipv4Prefix < 8 || ipv4Prefix > 32) throw new IllegalArgumentException("IPv4 prefix must be 8..32");
        if (ipv6Prefix < 16 || ipv6Prefix > 128) throw new IllegalArgumentException("IPv6 prefix must be 16..128");
    }

    /** A key equal for every address of the same source network, and different across networks and families. */
    public Key of(InetAddress address) {
        InetAddress ip = AddressClass.canonical(address);
        boolean v4 = ip instanceof Inet4Address;
        byte[] bytes = ip.getAddress();
        int prefix = v4 ? ipv4Prefix : ipv6Prefix;
        for (int bit = prefix; bit < bytes.length * 8; bit++) bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return new Key(bytes, prefix);
    }

    /** A source network: its masked address bytes and prefix length. */
    public static final class Key {
        private final byte[] masked;
        private final int prefix;
        private final int hash;

        Key(byte[] masked, int prefix) {
            this.masked = masked;
            this.prefix = prefix;
            this.hash = Arrays.hashCode(masked) * 31 + prefix;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.prefix == prefix && Arrays.equals(k.masked, masked);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(masked).getHostAddress() + "/" + prefix;
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
    }
}
