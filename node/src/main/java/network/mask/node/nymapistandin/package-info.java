/**
 * A local stand-in for nym-api, for tests and {@code masknode localnet}: it serves the routes a
 * nym-node and a Nym client read, in nym-api's JSON shapes, describes local nodes by calling their
 * own APIs as nym-api does, and runs epochs on a short clock. Each class names the nym file it follows.
 */
package network.mask.node.nymapistandin;
