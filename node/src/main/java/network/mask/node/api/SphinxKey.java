package network.mask.node.api;

import java.util.Objects;

/**
 * A public x25519 Sphinx key with the network key-rotation id it belongs to.
 *
 * @param rotationId      the rotation id (u32 in nym); {@link #LEGACY_ROTATION} for a node without rotation
 * @param publicKeyBase58 the 32-byte public key in Nym's base58
 */
public record SphinxKey(long rotationId, String publicKeyBase58) {

    /** nym's marker for "this node does not rotate keys" (u32::MAX). */
    public static final long LEGACY_ROTATION = 0xFFFF_FFFFL;

    public SphinxKey {
        if (rotationId < 0 || rotationId > LEGACY_ROTATION) throw new IllegalArgumentException("rotation id must be a u32");
        Objects.requireNonNull(publicKeyBase58, "publicKeyBase58");
    }
}
