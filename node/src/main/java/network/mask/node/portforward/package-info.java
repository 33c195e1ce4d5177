/**
 * Port-forwarding help for the owner: this box's address on the home network and the exact rule
 * the router needs, with the ports the node listens on now. (Opening the ports by UPnP-IGD or
 * NAT-PMP is not built: no maintained library is available here, and a privacy box should not
 * change the router without the owner; see docs.)
 */
package network.mask.node.portforward;
