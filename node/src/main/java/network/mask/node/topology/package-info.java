/**
 * Which next hops this node forwards to: only IP addresses of nodes in the network's topology, as
 * nym-node's routing filter ({@code nym-node/src/node/routing_filter/network_filter.rs}). The
 * topology itself comes from {@code network.mask.node.nymapi}; this package only holds and judges it.
 */
package network.mask.node.topology;
