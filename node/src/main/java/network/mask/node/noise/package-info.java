/**
 * Noise link encryption as nym-node speaks it ({@code common/nymnoise}): the
 * {@code Noise_XKpsk3_25519_AESGCM_SHA256} handshake, the transport ciphers it yields, nym's 8-byte frame
 * header, the PSK derived from the responder's key, and the node's own Noise key pair. Plain Java on
 * BouncyCastle (X25519) and JCA (AES-256-GCM, SHA-256, HMAC-SHA256); no Netty here, so the same code
 * serves the node's Netty pipelines ({@code network.mask.node.noiselink}) and blocking tools.
 */
package network.mask.node.noise;
