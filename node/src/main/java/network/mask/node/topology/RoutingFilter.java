package network.mask.node.topology;

import java.net.InetAddress;
import network.mask.node.net.AddressClass;

/**
 * Judges a next hop's IP: a node in the topology is allowed; an address nym-api said is no node is
 * denied; anything else is unknown, queued for one {@code by-addresses} lookup, and its packet dropped
 * meanwhile, as nym-node does ({@code nym-node/src/node/routing_filter/network_filter.rs},
 * {@code packet_forwarding/mod.rs}). With {@code allowNonGlobal} (nym-node's testnet mode; here dev
 * mode and the local mixnet), loopback and private addresses pass without a lookup.
 */
public final class RoutingFilter {

    public enum Verdict { ALLOW, UNKNOWN, DENY }

    private final KnownNodes nodes;
    private final boolean allowNonGlobal;

    public RoutingFilter(KnownNodes nodes, boolean allowNonGlobal) {
        this.nodes = nodes;
        this.allowNonGlobal = allowNonGlobal;
    }

    public Verdict check(InetAddress ip) {
        if (allowNonGlobal && !isGlobal(ip)) return Verdict.ALLOW;
        if (nodes.isAllowed(ip)) return Verdict.ALLOW;
        if (nodes.isDenied(ip)) return Verdict.DENY;
        nodes.queueLookup(ip);
        return Verdict.UNKNOWN;
    }

    /**
     * Whether the address is reachable on the public internet (nym's {@code is_global_ip}), judged on
     * its canonical form as every next hop is ({@link AddressClass}).
     */
    static boolean isGlobal(InetAddress ip) {
        return AddressClass.of(ip).isPublic();
    }
}
