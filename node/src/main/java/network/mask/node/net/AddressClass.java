package network.mask.node.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What kind of address an IP is, judged on its canonical form: an IPv4 address carried inside
 * IPv6 (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}) is judged as the IPv4 address it reaches; the local-use NAT64 prefix
 * {@code 64:ff9b:1::/48} (RFC 8215) is never public, wherever it embeds its IPv4 address.
 * The JDK's {@code isLoopbackAddress()} and friends do not look inside IPv6, so a next hop of
 * {@code ::ffff:127.0.0.1} would pass as public (redteam D3).
 */
public enum AddressClass {
    /** Routable on the internet. */
    PUBLIC,
    /** 0.0.0.0/8, ::/128 ("this host": reaches the box itself on Linux). */
    UNSPECIFIED,
    /** 127.0.0.0/8, ::1. */
    LOOPBACK,
    /** 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10 (deprecated site-local). */
    PRIVATE,
    /** 100.64.0.0/10: carrier-grade NAT, the ISP's side of the owner's router. */
    SHARED,
    /** 169.254/16 (cloud metadata lives here), fe80::/10. */
    LINK_LOCAL,
    /** 224/4, ff00::/8. */
    MULTICAST,
    /** 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20. */
    DOCUMENTATION,
    /** Everything else no public host lives at: 192.0.0/24, 198.18/15, 240/4 (with broadcast), 100::/64, 2001::/23, 5f00::/16, ... */
    RESERVED;

    /** Only {@link #PUBLIC} addresses are allowed as next hops by default. */
    public boolean isPublic() {
        return this == PUBLIC;
    }

    public static AddressClass of(InetAddress ip) {
        InetAddress canonical = canonical(ip);
        return canonical instanceof Inet4Address v4 ? ofV4(v4.getAddress()) : ofV6(canonical.getAddress());
    }

    /**
     * The address a connection to {@code ip} really reaches: the embedded IPv4 address for
     * IPv4-mapped, IPv4-compatible and well-known-prefix NAT64 (RFC 6052) IPv6 forms, else {@code ip}.
     */
    public static InetAddress canonical(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) return ip;
        byte[] a = ip.getAddress();
        if (allZero(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) return v4(a, 12);   // ::ffff:0:0/96
        if (allZero(a, 0, 12) && !allZero(a, 12, 16) && !(allZero(a, 12, 15) && a[15] == 1)) return v4(a, 12);   // ::/96 but not :: or ::1
        if (u16(a, 0) == 0x0064 && u16(a, 2) == 0xff9b && allZero(a, 4, 12)) return v4(a, 12);   // 64:ff9b::/96, RFC 6052
        return ip;
    }

    private static AddressClass ofV4(byte[] a) {
        int b0 = a[0] & 0xFF, b1 = a[1] & 0xFF, b2 = a[2] & 0xFF;
        if (b0 == 0) return UNSPECIFIED;
        if (b0 == 127) return LOOPBACK;
        if (b0 == 10 || b0 == 172 && (b1 & 0xF0) == 16 || b0 == 192 && b1 == 168) return PRIVATE;
        if (b0 == 100 && (b1 & 0xC0) == 64) return SHARED;
        if (b0 == 169 && b1 == 254) return LINK_LOCAL;
        if ((b0 & 0xF0) == 224) return MULTICAST;
        if (b0 == 192 && b1 == 0 && b2 == 2 || b0 == 198 && b1 == 51 && b2 == 100 || b0 == 203 && b1 == 0 && b2 == 113) {
            return DOCUMENTATION;
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) return RESERVED;           // IETF protocol assignments
        if (b0 == 198 && (b1 & 0xFE) == 18) return RESERVED;            // benchmarking
        if (b0 == 192 && b1 == 88 && b2 == 99) return RESERVED;         // 6to4 relay anycast (deprecated)
        if ((b0 & 0xF0) == 240) return RESERVED;                        // 240/4 and 255.255.255.255
        return PUBLIC;
    }

    private static AddressClass ofV6(byte[] a) {
        if (allZero(a, 0, 16)) return UNSPECIFIED;
        if (allZero(a, 0, 15) && a[15] == 1) return LOOPBACK;
        int w0 = u16(a, 0), w1 = u16(a, 2);
        if ((w0 & 0xFF00) == 0xFF00) return MULTICAST;
        if ((w0 & 0xFFC0) == 0xFE80) return LINK_LOCAL;
        if ((w0 & 0xFFC0) == 0xFEC0 || (w0 & 0xFE00) == 0xFC00) return PRIVATE;
        if (w0 == 0x2001 && w1 == 0x0db8 || (w0 & 0xFFFF) == 0x3fff && (w1 & 0xF000) == 0) return DOCUMENTATION;
        if (w0 == 0x0064 && w1 == 0xff9b && u16(a, 4) == 0x0001) return RESERVED;   // local-use NAT64, RFC 8215
        if (w0 == 0x0100 && allZero(a, 2, 8)) return RESERVED;          // discard-only 100::/64
        if (w0 == 0x2001 && w1 < 0x0200) return RESERVED;               // 2001::/23 IETF protocol assignments (Teredo, ORCHID...)
        if (w0 == 0x2002) return RESERVED;                              // 6to4: embeds an IPv4 address we cannot vouch for
        if (w0 == 0x5f00) return RESERVED;                              // SRv6 SIDs
        if ((w0 & 0xE000) != 0x2000) return RESERVED;                   // outside 2000::/3 nothing is globally routed
        return PUBLIC;
    }

    private static InetAddress v4(byte[] a, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);   // four bytes are always a valid IPv4 address
        }
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) if (a[i] != 0) return false;
        return true;
    }

    private static int u16(byte[] a, int at) {
        return (a[at] & 0xFF) << 8 | a[at + 1] & 0xFF;
    }
}
