package network.mask.node.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import network.mask.node.sphinx.HopResult;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.sphinx.ReplayGuard;
import network.mask.node.sphinx.RouteHop;
import network.mask.node.sphinx.SphinxConstants;
import network.mask.node.sphinx.SphinxPacketBuilder;
import network.mask.node.sphinx.SphinxProcessor;
import network.mask.node.sphinx.crypto.SphinxCrypto;
import network.mask.node.sphinx.crypto.X25519;

/**
 * Single-thread Sphinx rates for one suite, regular packets, version 259: hop processing (a
 * 3-hop packet processed at its first hop, over and over, without a replay filter) and packet
 * creation (a 4-hop route: 3 mix layers and a gateway).
 */
final class SphinxThroughput {

    private final SphinxProcessor processor;
    private final SphinxPacketBuilder builder;
    private final byte[] firstHopKey;
    private final byte[] template;
    private final byte[] work;
    private final List<RouteHop> createRoute;
    private final byte[] destination = new byte[SphinxConstants.DESTINATION_LENGTH];
    private final byte[] surbId = new byte[SphinxConstants.SURB_ID_LENGTH];
    private final byte[] message = new byte[PacketSize.REGULAR.plaintextLength()];

    SphinxThroughput(SphinxCrypto crypto) {
        processor = new SphinxProcessor(crypto);
        builder = new SphinxPacketBuilder(crypto);
        SplittableRandom random = new SplittableRandom(1789);
        random.nextBytes(destination);
        random.nextBytes(surbId);
        random.nextBytes(message);
        X25519 x25519 = crypto.newBlinding();
        List<byte[]> keys = new ArrayList<>();
        List<RouteHop> route = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            keys.add(secret);
            route.add(new RouteHop(x25519.publicKey(secret), address(i), 50_000_000L));
        }
        firstHopKey = keys.getFirst();
        createRoute = route;
        template = builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR, route.subList(0, 3),
                destination, surbId, message);
        work = template.clone();
        if (!(processor.process(work, firstHopKey, ReplayGuard.NONE) instanceof HopResult.Forward)) {
            throw new IllegalStateException("benchmark packet does not forward; the suite is broken");
        }
    }

    /** Processes the first hop of a fresh copy of the template packet {@code times} times. */
    void hops(long times) {
        for (long i = 0; i < times; i++) {
            System.arraycopy(template, 0, work, 0, template.length);
            processor.process(work, firstHopKey, ReplayGuard.NONE);
        }
    }

    /** Builds {@code times} packets over the 4-hop route. */
    void creations(long times) {
        for (long i = 0; i < times; i++) {
            builder.build(SphinxConstants.VERSION_PAYLOAD_KEY_SEEDS, PacketSize.REGULAR, createRoute, destination, surbId, message);
        }
    }

    private static NodeAddress address(int i) {
        try {
            return new NodeAddress(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) (i + 1)}), 1789));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
