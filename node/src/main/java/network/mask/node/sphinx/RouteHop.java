package network.mask.node.sphinx;

/** One hop of a route a sender builds: the hop's public key, its address, and the delay it applies. */
public record RouteHop(byte[] publicKey, NodeAddress address, long delayNanos) {}
