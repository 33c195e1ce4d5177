package network.mask.node.outfox;

/** Why an Outfox packet was refused. Each value maps to a drop counter. */
public enum OutfoxError {
    /** The packet's length does not match what its parameters describe (or is below the minimum). */
    WRONG_LENGTH,
    /** The six parameter bytes are not a layering nym builds (routing lengths other than 32 then 0s, or none left). */
    BAD_PARAMETERS,
    /** The layer's public element gives an all-zero shared secret (zero or low-order point). */
    BAD_GROUP_ELEMENT,
    /** The layer's ChaCha20-Poly1305 tag does not verify: another key, or a tampered header. */
    BAD_TAG
}
