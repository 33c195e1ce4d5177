package network.mask.node.announce;

import java.net.InetAddress;
import network.mask.node.net.AddressClass;

/** Whether an address can be reached from the internet, so that it is worth announcing. */
public final class AddressScope {

    private AddressScope() {}

    /**
     * False for unspecified, loopback, multicast, link-local, private (RFC 1918), shared (CGNAT,
     * 100.64/10), unique-local IPv6 (fc00::/7) and documentation addresses: nym-api refuses some of
     * them outright ({@code HostInformation::check_ips}) and no peer could reach the others.
     */
    public static boolean isPublic(InetAddress a) {
        // One classification for what the node announces and where it forwards (net.AddressClass).
        return AddressClass.of(a).isPublic();
    }
}
