package network.mask.node.sphinx;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;

/** Random routes with their private keys, for round trips. */
public record TestRoutes(List<RouteHop> route, List<byte[]> privateKeys) {

    public static TestRoutes random(SphinxCrypto crypto, Random random, int hops) {
        X25519 x25519 = crypto.newBlinding();
        List<RouteHop> route = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < hops; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            keys.add(secret);
            route.add(new RouteHop(x25519.publicKey(secret), randomAddress(random), random.nextLong(0, 20_000_000_000L)));
        }
        return new TestRoutes(route, keys);
    }

    static NodeAddress randomAddress(Random random) {
        byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(ip);
        try {
            InetAddress address = ip.length == 4 ? InetAddress.getByAddress(ip) : java.net.Inet6Address.getByAddress(null, ip, -1);
            return new NodeAddress(new InetSocketAddress(address, random.nextInt(1, 65536)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
