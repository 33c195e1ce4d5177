/**
 * Claiming a box that has no screen and no button: the owner writes the admin password into
 * {@code masknode-claim.txt} on the SD card's boot partition before the first start; the node
 * takes it once and removes it.
 */
package network.mask.node.claimfile;
