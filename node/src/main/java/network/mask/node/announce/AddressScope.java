package network.mask.node.announce;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Whether an address can be reached from the internet, so that it is worth announcing. */
public final class AddressScope {

    private AddressScope() {}

    /**
     * False for unspecified, loopback, multicast, link-local, private (RFC 1918), shared (CGNAT,
     * 100.64/10), unique-local IPv6 (fc00::/7) and documentation addresses: nym-api refuses some of
     * them outright ({@code HostInformation::check_ips}) and no peer could reach the others.
     */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isMulticastAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) return false;                                // "this network", reserved
            if (first == 100 && (second & 0xc0) == 64) return false;                     // 100.64.0.0/10 CGNAT
            if (first == 192 && second == 0 && (b[2] & 0xff) == 2) return false;          // 192.0.2.0/24 TEST-NET-1
            if (first == 198 && (second == 18 || second == 19)) return false;           // 198.18.0.0/15 benchmarking
            if (first == 198 && second == 51 && (b[2] & 0xff) == 100) return false;       // TEST-NET-2
            if (first == 203 && second == 0 && (b[2] & 0xff) == 113) return false;        // TEST-NET-3
            return true;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false;                                   // fc00::/7 unique local
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false;                                                          // 2001:db8::/32 documentation
            }
            return (b[0] & 0xe0) == 0x20;                                              // global unicast 2000::/3
        }
        return false;
    }
}
