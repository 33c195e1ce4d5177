package network.mask.node.outgoing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import network.mask.node.net.AddressClass;

/**
 * Which next hops the node will connect to. A packet's next hop is chosen by whoever built the
 * packet, so without this anyone could make a home node open connections into its own LAN or
 * to its own local services. The address is judged after canonicalising it
 * ({@link AddressClass}): {@code ::ffff:192.168.1.1} is the LAN address it reaches. Private
 * ranges are allowed only when configured (local mixnets); "this host" and multicast never.
 */
public record NextHopPolicy(boolean allowPrivateAddresses) {

    public boolean allows(InetSocketAddress address) {
        if (address == null || address.isUnresolved() || address.getPort() == 0) return false;
        InetAddress ip = address.getAddress();
        AddressClass kind = AddressClass.of(ip);
        if (kind == AddressClass.UNSPECIFIED || kind == AddressClass.MULTICAST) return false;
        return allowPrivateAddresses || kind.isPublic();
    }
}
