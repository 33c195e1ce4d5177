/**
 * Claiming the box: the one-time claim code on the console and on the box's own screen, withdrawn
 * once an owner has set the admin password.
 */
package network.mask.node.claim;
