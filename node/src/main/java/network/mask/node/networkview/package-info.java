/** The network's view of this node (from the nym-api client), in the owner's words, with the age of what is shown. */
package network.mask.node.networkview;
