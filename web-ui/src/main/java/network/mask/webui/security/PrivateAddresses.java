package network.mask.webui.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Decides whether a peer address belongs to the owner's home network. The admin page answers
 * only these: loopback, RFC 1918, IPv4 link-local, IPv6 unique-local (fc00::/7) and link-local
 * (fe80::/10), and IPv4-mapped IPv6 forms of the allowed IPv4 ranges. Everything else,
 * including carrier-grade NAT (100.64/10), is treated as the internet.
 */
public final class PrivateAddresses {

    private PrivateAddresses() {
    }

    public static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPrivateV6(b);
        }
        return false;
    }

    private static boolean isPrivateV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return a0 == 127                                   // loopback 127/8
                || a0 == 10                                // 10/8
                || (a0 == 172 && a1 >= 16 && a1 <= 31)     // 172.16/12
                || (a0 == 192 && a1 == 168)                // 192.168/16
                || (a0 == 169 && a1 == 254);               // link-local 169.254/16
    }

    private static boolean isPrivateV6(byte[] b) {
        if (isLoopbackV6(b)) {
            return true;
        }
        if ((b[0] & 0xfe) == 0xfc) {                       // unique local fc00::/7
            return true;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) { // link-local fe80::/10
            return true;
        }
        if (isV4Mapped(b)) {                               // ::ffff:a.b.c.d
            return isPrivateV4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return false;
    }

    private static boolean isLoopbackV6(byte[] b) {
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
