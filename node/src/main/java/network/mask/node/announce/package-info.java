/**
 * Which IP addresses the node announces to the Nym network in its signed host information: the
 * box's public addresses (IPv4 and IPv6, from its network interfaces), the configured public host
 * (an IP, or a DNS name resolved and re-resolved periodically), never loopback or private
 * addresses outside dev mode.
 */
package network.mask.node.announce;
