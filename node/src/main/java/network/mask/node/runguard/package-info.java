/**
 * Keeps two nodes from running on one data directory, and says plainly what is in the way when a
 * start fails because another process holds the data directory or a port.
 */
package network.mask.node.runguard;
