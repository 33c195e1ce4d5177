/**
 * Reachability from evidence: when something outside the home network last reached the node (the
 * network's directory describing it, a mix node sending it frames), kept across restarts.
 */
package network.mask.node.reachability;
