package network.mask.node.nymapi;

/** The node's view of the network for status pages and the dashboard. Cheap; never blocks. */
@FunctionalInterface
public interface NetworkStatus {

    NetworkView view();
}
