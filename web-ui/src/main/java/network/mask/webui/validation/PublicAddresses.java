package network.mask.webui.validation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

import network.mask.webui.security.PrivateAddresses;

/** Sorts IP literals into "reachable from the internet" and the reasons they are not. */
public final class PublicAddresses {

    public enum Kind { PUBLIC, HOME_NETWORK, CARRIER_NAT, RESERVED }

    private PublicAddresses() {
    }

    public static Kind classify(InetAddress address) {
        if (PrivateAddresses.isPrivate(address)) {
            return Kind.HOME_NETWORK;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            boolean globalUnicast = (b[0] & 0xe0) == 0x20;                        // 2000::/3
            boolean documentation = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01
                    && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;            // 2001:db8::/32
            return globalUnicast && !documentation ? Kind.PUBLIC : Kind.RESERVED;
        }
        return Kind.RESERVED;
    }

    private static Kind classifyV4(int a, int b, int c) {
        if (a == 100 && b >= 64 && b <= 127) {
            return Kind.CARRIER_NAT;                                             // 100.64/10
        }
        boolean reserved = a == 0                                                // "this network"
                || a >= 224                                                      // multicast, 240/4, broadcast
                || (a == 192 && b == 0 && (c == 0 || c == 2))                    // 192.0.0/24, TEST-NET-1
                || (a == 198 && (b == 18 || b == 19))                            // benchmarking 198.18/15
                || (a == 198 && b == 51 && c == 100)                             // TEST-NET-2
                || (a == 203 && b == 0 && c == 113);                             // TEST-NET-3
        return reserved ? Kind.RESERVED : Kind.PUBLIC;
    }
}
