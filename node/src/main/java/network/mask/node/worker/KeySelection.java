package network.mask.node.worker;

import java.util.List;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.wire.KeyRotation;

/**
 * Which Sphinx keys to try for a packet, in order, as nym-node picks them
 * ({@code nym-node/src/node/mixnet/handler.rs}, key selection; {@code key_rotation/active_keys.rs},
 * {@code even}/{@code odd}).
 */
final class KeySelection {

    private KeySelection() {}

    /**
     * v7 and v8 "unknown" try the primary, then the secondary. v8 odd/even takes the primary if
     * its parity matches, otherwise the secondary whatever its parity (the pre-announced or the
     * overlap key); with no secondary, none: the packet is dropped.
     */
    static List<SphinxKey> candidates(NodeKeys keys, KeyRotation rotation) {
        if (rotation == KeyRotation.UNKNOWN) return keys.sphinxKeys();
        // The key's own parity, as nym-node's is_even_rotation (key.rs): rotation 0 counts as even.
        boolean primaryEven = (keys.primary().rotationId() & 1) == 0;
        if (primaryEven == (rotation == KeyRotation.EVEN)) return List.of(keys.primary());
        if (keys.secondary() != null) return List.of(keys.secondary());
        return List.of();
    }
}
