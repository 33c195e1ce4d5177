package network.mask.node.api;

import java.util.Optional;

/**
 * The node's public keys and its identity signature, as the API needs them; the keys package
 * implements it. The private key never leaves the implementation.
 */
public interface NodeIdentity {

    /** The ed25519 identity public key in Nym's base58. */
    String ed25519IdentityKey();

    /** The Sphinx key clients must use now. */
    SphinxKey primarySphinxKey();

    /** The key announced for the next rotation, when the node already has it. */
    Optional<SphinxKey> preAnnouncedSphinxKey();

    /** The x25519 Noise public key in base58 when the node speaks Noise (announced as {@code x25519_versioned_noise}). */
    default Optional<String> noiseKeyBase58() {
        return Optional.empty();
    }

    /** An ed25519 signature (64 bytes) of {@code message} with the identity key. */
    byte[] sign(byte[] message);
}
