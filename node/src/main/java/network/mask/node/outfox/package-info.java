/**
 * Outfox, Nym's second mix packet format (packet type 2 in the framing header), as nym-node
 * processes it: one layer removed per hop with the node's x25519 Sphinx key, no replay check and
 * no delay. Facts from {@code nym-outfox/src/} (constants.rs, format.rs, lion.rs, packet.rs) and
 * {@code common/nymsphinx/framing/src/processing.rs}; built from BouncyCastle primitives only
 * (X25519, ChaCha20-Poly1305, XChaCha20, BLAKE3). Knows nothing of the network.
 */
package network.mask.node.outfox;
