package network.mask.node.topology;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import network.mask.node.noise.VersionedNoiseKey;

/**
 * Which nodes announce a Noise key, as nym-node's {@code NoiseNetworkView} keeps it
 * ({@code common/nymnoise/src/config.rs}): every (IP, mix port) of a node with a key maps to that key
 * (the initiator's choice), and every such IP is "speaks Noise" (the responder's choice, which nym
 * marks as a phased-upgrade rule). Replaced whole at every topology refresh; reads are lock-free.
 */
public final class NoisePeers {

    private record View(Map<InetSocketAddress, VersionedNoiseKey> keys, Map<InetAddress, Integer> support) {}

    private volatile View view = new View(Map.of(), Map.of());

    /** Replaces the view with a freshly read topology's (address and mix port of every node that has a key). */
    public void replace(Map<InetSocketAddress, VersionedNoiseKey> keysByAddress) {
        Map<InetSocketAddress, VersionedNoiseKey> keys = new HashMap<>();
        Map<InetAddress, Integer> support = new HashMap<>();
        keysByAddress.forEach((address, key) -> {
            InetSocketAddress a = new InetSocketAddress(canonical(address.getAddress()), address.getPort());
            keys.put(a, key);
            support.put(a.getAddress(), key.supportedVersion());
        });
        view = new View(Map.copyOf(keys), Map.copyOf(support));
    }

    /** Initiator: the next hop's key if that address announces one (then Noise), else empty (plain TCP). */
    public Optional<VersionedNoiseKey> keyFor(InetSocketAddress nextHop) {
        if (nextHop.getAddress() == null) return Optional.empty();
        return Optional.ofNullable(view.keys().get(new InetSocketAddress(canonical(nextHop.getAddress()), nextHop.getPort())));
    }

    /**
     * Responder: whether the connecting IP belongs to a node that announces a Noise key (then the peer
     * will speak Noise); an IPv4-mapped IPv6 address counts as its IPv4 address, as nym checks both.
     */
    public boolean announcesNoise(InetAddress peer) {
        return view.support().containsKey(canonical(peer));
    }

    public int size() {
        return view.keys().size();
    }

    /** {@code ::ffff:a.b.c.d} as {@code a.b.c.d} (a dual-stack listener may report either). */
    static InetAddress canonical(InetAddress a) {
        if (a instanceof Inet6Address six) {
            byte[] b = six.getAddress();
            for (int i = 0; i < 10; i++) if (b[i] != 0) return a;
            if ((b[10] & 0xFF) != 0xFF || (b[11] & 0xFF) != 0xFF) return a;
            try {
                return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            } catch (UnknownHostException e) {
                return a;
            }
        }
        return a;
    }
}
