package network.mask.node.localnet;

import java.net.InetSocketAddress;
import java.util.List;
import network.mask.node.keys.NodeKeys;

/** The local mixnet: mix layers of nodes, then the sink that plays the gateway. */
record Topology(List<List<Member>> layers, Member sink) {

    /** One node: its name, keys, mix address, and its public API port (0 = none). */
    record Member(String name, NodeKeys keys, InetSocketAddress address, int apiPort) {}

    List<Member> firstLayer() {
        return layers.getFirst();
    }
}
