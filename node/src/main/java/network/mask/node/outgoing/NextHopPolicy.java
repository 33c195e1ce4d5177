package network.mask.node.outgoing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Which next hops the node will connect to. A packet's next hop is chosen by whoever built the
 * packet, so without this anyone could make a home node open connections into its own LAN or
 * to its own local services. Private ranges are allowed only when configured (local mixnets).
 */
public record NextHopPolicy(boolean allowPrivateAddresses) {

    public boolean allows(InetSocketAddress address) {
        if (address == null || address.isUnresolved() || address.getPort() == 0) return false;
        InetAddress ip = address.getAddress();
        if (ip.isAnyLocalAddress() || ip.isMulticastAddress()) return false;
        if (allowPrivateAddresses) return true;
        return !(ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || isUniqueLocal(ip));
    }

    /** IPv6 fc00::/7. */
    private static boolean isUniqueLocal(InetAddress ip) {
        return ip instanceof Inet6Address && (ip.getAddress()[0] & 0xFE) == 0xFC;
    }
}
