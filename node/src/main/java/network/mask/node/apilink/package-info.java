/**
 * The public nym-node-compatible API wired into the node's lifetime: the service that serves it and
 * the node's description taken from its config.
 */
package network.mask.node.apilink;
