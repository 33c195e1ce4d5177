/**
 * Noise on the mix port's links, in Netty: which links speak Noise (decided from the topology as
 * nym-node decides it, {@code common/nymnoise/src/lib.rs}) and the pipeline handler that runs the
 * handshake and encrypts and decrypts the framed Sphinx stream. The protocol itself is in
 * {@code network.mask.node.noise}.
 */
package network.mask.node.noiselink;
