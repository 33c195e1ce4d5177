package network.mask.node.sphinx;

/** Why the engine refused a packet. Each value is counted separately by the daemon. */
public enum RejectReason {
    /** Shorter than a header plus the minimum payload, or otherwise not a Sphinx packet. */
    WRONG_LENGTH,
    /** Structurally invalid after decryption, e.g. a next-hop address of unknown type. */
    MALFORMED,
    /** Alpha is zero or of low order: the shared secret would be public. */
    BAD_GROUP_ELEMENT,
    /** The header MAC does not verify under this node's key. */
    BAD_MAC,
    /** Routing flag other than forward (1) or final (2). */
    UNKNOWN_FLAG,
    /** The replay guard has seen this packet's replay tag before. */
    REPLAYED
}
